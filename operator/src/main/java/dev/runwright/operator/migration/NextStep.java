package dev.runwright.operator.migration;

import dev.runwright.operator.api.migration.MigrationExecution;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.api.migration.MigrationPhase;
import java.util.Objects;

/**
 * What a MigrationJob does next, decided from its status alone, so resyncs, restarts and identical
 * re-applies can never start a second execution for a release: an execution recorded for the
 * release and retry token is followed or settled, never started again.
 */
sealed interface NextStep {

  /**
   * Poll a recorded execution that has not finished. {@code current} is false when it belongs to an
   * earlier release: it is followed to its end before the new release starts, so two executions of
   * one MigrationJob never run at once.
   */
  record Follow(MigrationExecution execution, boolean current) implements NextStep {}

  /** The current release already has its outcome; nothing is started. */
  record Settled(MigrationPhase outcome) implements NextStep {}

  /** The current release (with this retry token) has no execution yet: start one. */
  record Start(Release release) implements NextStep {}

  static NextStep decide(Release release, MigrationJobStatus status) {
    MigrationExecution recorded = status == null ? null : status.getExecution();
    if (recorded != null && recorded.getName() != null) {
      boolean current =
          release.release().equals(recorded.getRelease())
              && release.retryToken().equals(Objects.toString(recorded.getRetryToken(), ""));
      boolean finished =
          recorded.getOutcome() == MigrationPhase.Succeeded
              || recorded.getOutcome() == MigrationPhase.Failed;
      if (!finished) {
        return new Follow(recorded, current);
      }
      if (current) {
        return new Settled(recorded.getOutcome());
      }
    }
    if (status != null && release.release().equals(status.getSucceededRelease())) {
      // A succeeded release is never run again, whatever the retry token says.
      return new Settled(MigrationPhase.Succeeded);
    }
    return new Start(release);
  }
}
