package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.migration.MigrationExecution;
import dev.runwright.operator.api.migration.MigrationPhase;
import dev.runwright.operator.gcp.run.ConditionState;
import dev.runwright.operator.gcp.run.Execution;
import dev.runwright.operator.gcp.run.ExecutionName;
import dev.runwright.operator.gcp.run.RunCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionRecordsTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00.123Z");

  @Test
  void copiesTimingLogLinkAndOutcome() {
    MigrationExecution record = new MigrationExecution();

    ExecutionRecords.update(
        record, execution(ConditionState.SUCCEEDED, Optional.of(START.plusSeconds(42)), 0));

    assertThat(record.getStartTime()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(record.getCompletionTime()).isEqualTo("2026-03-01T10:00:42Z");
    assertThat(record.getLogUri()).isEqualTo("https://console.cloud.google.com/logs/viewer?x");
    assertThat(record.getOutcome()).isEqualTo(MigrationPhase.Succeeded);
  }

  @Test
  void runningUntilCompletedAndCancelledCountsAsFailed() {
    MigrationExecution record = new MigrationExecution();
    ExecutionRecords.update(record, execution(ConditionState.RECONCILING, Optional.empty(), 0));
    assertThat(record.getOutcome()).isEqualTo(MigrationPhase.Running);
    assertThat(record.getCompletionTime()).isNull();

    ExecutionRecords.update(
        record,
        execution(ConditionState.FAILED, Optional.of(START.plus(Duration.ofMinutes(1))), 1));
    assertThat(record.getOutcome()).isEqualTo(MigrationPhase.Failed);
  }

  private static Execution execution(
      ConditionState completed, Optional<Instant> completion, int cancelled) {
    return new Execution(
        ExecutionName.parse("projects/p/locations/r/jobs/j/executions/j-1"),
        Map.of(),
        Optional.of(START),
        Optional.of(START),
        completion,
        new Execution.TaskCounts(1, 0, 0, 0, cancelled, 0),
        completion.isEmpty(),
        List.of(new RunCondition("Completed", completed, "", "", Optional.empty())),
        Optional.of("https://console.cloud.google.com/logs/viewer?x"));
  }
}
