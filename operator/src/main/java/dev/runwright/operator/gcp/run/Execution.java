package dev.runwright.operator.gcp.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One execution of a job, with its task counts, completion condition and log link. */
public record Execution(
    ExecutionName name,
    Map<String, String> labels,
    Optional<Instant> createTime,
    Optional<Instant> startTime,
    Optional<Instant> completionTime,
    TaskCounts tasks,
    boolean reconciling,
    List<RunCondition> conditions,
    Optional<String> logUri) {

  public Execution {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(completionTime, "completionTime");
    Objects.requireNonNull(tasks, "tasks");
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(logUri, "logUri");
  }

  /** Task counts of an execution. */
  public record TaskCounts(
      int taskCount, int running, int succeeded, int failed, int cancelled, int retried) {}

  /** The execution's {@code Completed} condition, if reported yet. */
  public Optional<RunCondition> completedCondition() {
    return RunCondition.find(conditions, "Completed");
  }

  /**
   * Where the execution stands: its {@code Completed} condition when it has a final state, else
   * running until a completion time is set.
   */
  public ExecutionOutcome outcome() {
    Optional<ConditionState> completed = completedCondition().map(RunCondition::state);
    if (completed.equals(Optional.of(ConditionState.SUCCEEDED))) {
      return ExecutionOutcome.SUCCEEDED;
    }
    if (completed.equals(Optional.of(ConditionState.FAILED))) {
      return tasks.cancelled() > 0 && tasks.failed() == 0
          ? ExecutionOutcome.CANCELLED
          : ExecutionOutcome.FAILED;
    }
    if (completionTime.isPresent()) {
      return tasks.succeeded() >= Math.max(1, tasks.taskCount())
          ? ExecutionOutcome.SUCCEEDED
          : tasks.cancelled() > 0 ? ExecutionOutcome.CANCELLED : ExecutionOutcome.FAILED;
    }
    return ExecutionOutcome.RUNNING;
  }

  /** The reason and message of a failure, for status; empty unless failed or cancelled. */
  public Optional<String> failureMessage() {
    ExecutionOutcome outcome = outcome();
    if (outcome != ExecutionOutcome.FAILED && outcome != ExecutionOutcome.CANCELLED) {
      return Optional.empty();
    }
    return completedCondition()
        .map(c -> (c.reason().isEmpty() ? "" : c.reason() + ": ") + c.message())
        .or(() -> Optional.of(tasks.failed() + " of " + tasks.taskCount() + " tasks failed"));
  }
}
