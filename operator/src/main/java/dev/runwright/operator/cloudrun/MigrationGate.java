package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.api.migration.MigrationPhase;

/**
 * Whether a release may get traffic: only once the referenced MigrationJob reports that release in
 * {@code status.succeededRelease}. Re-evaluated on every reconcile from the job's status, never
 * remembered as an event that happened once.
 */
sealed interface MigrationGate {

  /** Traffic may move to the release. */
  record Open(String reason, String message) implements MigrationGate {}

  /** The release's migration has not succeeded yet (not started, running, other release). */
  record Pending(String message) implements MigrationGate {}

  /** The release's migration failed: a person must act (retryToken or a new release). */
  record Failed(String message) implements MigrationGate {}

  default boolean open() {
    return this instanceof Open;
  }

  /**
   * @param migrationRef the spec's migrationRef name; null when the service has no gate
   * @param job the referenced MigrationJob; null when it does not exist
   */
  static MigrationGate evaluate(String migrationRef, MigrationJob job, String release) {
    if (migrationRef == null) {
      return new Open(Reasons.NO_MIGRATION_GATE, "No migrationRef: the release is not gated");
    }
    if (job == null) {
      return new Pending("MigrationJob " + migrationRef + " does not exist");
    }
    MigrationJobStatus status = job.getStatus();
    if (status != null && release.equals(status.getSucceededRelease())) {
      return new Open(
          Reasons.MIGRATION_SUCCEEDED,
          "MigrationJob " + migrationRef + " succeeded for release " + release);
    }
    String jobRelease =
        job.getSpec() == null
            ? null
            : job.getSpec().getRelease() != null && !job.getSpec().getRelease().isBlank()
                ? job.getSpec().getRelease()
                : job.getSpec().getImage();
    if (!release.equals(jobRelease)) {
      return new Pending(
          "MigrationJob "
              + migrationRef
              + " is for release "
              + jobRelease
              + ", not "
              + release
              + ": update the MigrationJob to this release");
    }
    if (status != null
        && release.equals(status.getRelease())
        && status.getPhase() == MigrationPhase.Failed) {
      return new Failed(
          "MigrationJob "
              + migrationRef
              + " failed for release "
              + release
              + "; set a new retryToken on it or ship a new release");
    }
    String phase =
        status == null || status.getPhase() == null || !release.equals(status.getRelease())
            ? "not started"
            : status.getPhase().name();
    return new Pending(
        "Waiting for MigrationJob " + migrationRef + " (release " + release + ": " + phase + ")");
  }
}
