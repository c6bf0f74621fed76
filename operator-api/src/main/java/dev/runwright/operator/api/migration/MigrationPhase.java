package dev.runwright.operator.api.migration;

/** Where the migration for the current release stands (shown as STATUS by kubectl). */
public enum MigrationPhase {
  /** Waiting for the CloudSqlDatabase or for another migration on the same database. */
  Pending,
  Running,
  Succeeded,
  Failed
}
