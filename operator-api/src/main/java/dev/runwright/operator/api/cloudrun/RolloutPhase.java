package dev.runwright.operator.api.cloudrun;

/** Where the rollout of the current release stands. */
public enum RolloutPhase {
  /** The candidate waits for its MigrationJob to succeed for this release. */
  WaitingForMigration,
  /** The candidate revision is created and not ready yet. */
  Deploying,
  /** Traffic is moving through the rollout steps. */
  Promoting,
  /** The candidate failed and stable got 100% back. */
  RolledBack,
  /** The current release serves 100%. */
  Complete
}
