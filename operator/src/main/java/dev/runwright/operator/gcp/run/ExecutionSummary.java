package dev.runwright.operator.gcp.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The job's pointer to its latest execution. */
public record ExecutionSummary(
    ExecutionName name,
    Optional<Instant> createTime,
    Optional<Instant> completionTime,
    ExecutionOutcome outcome) {

  public ExecutionSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(completionTime, "completionTime");
    Objects.requireNonNull(outcome, "outcome");
  }
}
