package dev.runwright.operator.migration;

import dev.runwright.operator.api.migration.MigrationExecution;
import dev.runwright.operator.api.migration.MigrationPhase;
import dev.runwright.operator.gcp.run.Execution;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Copies what Cloud Run reports about an execution into the status record of it. */
final class ExecutionRecords {
  private ExecutionRecords() {}

  /** Timing, log link and outcome (Running, Succeeded or Failed; cancelled counts as failed). */
  static void update(MigrationExecution record, Execution execution) {
    execution.startTime().or(execution::createTime).ifPresent(t -> record.setStartTime(rfc3339(t)));
    execution.completionTime().ifPresent(t -> record.setCompletionTime(rfc3339(t)));
    execution.logUri().ifPresent(record::setLogUri);
    record.setOutcome(
        switch (execution.outcome()) {
          case RUNNING -> MigrationPhase.Running;
          case SUCCEEDED -> MigrationPhase.Succeeded;
          case FAILED, CANCELLED -> MigrationPhase.Failed;
        });
  }

  private static String rfc3339(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
