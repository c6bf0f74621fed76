package dev.runwright.operator.gcp.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Cloud Run job as read from Google. */
public record RunJob(
    JobName name,
    JobSpec spec,
    long generation,
    long observedGeneration,
    boolean reconciling,
    Optional<RunCondition> terminalCondition,
    List<RunCondition> conditions,
    Optional<ExecutionSummary> latestCreatedExecution,
    int executionCount,
    String etag) {

  public RunJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(terminalCondition, "terminalCondition");
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(latestCreatedExecution, "latestCreatedExecution");
    Objects.requireNonNull(etag, "etag");
  }
}
