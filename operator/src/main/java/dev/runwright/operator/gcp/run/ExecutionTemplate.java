package dev.runwright.operator.gcp.run;

import java.util.Map;
import java.util.Objects;

/**
 * What every execution of a job is made from. Its labels are copied onto each execution, which is
 * how the operator finds the execution of a release again.
 *
 * @param taskCount 0 means Cloud Run's default (1)
 * @param parallelism 0 means Cloud Run's default
 */
public record ExecutionTemplate(
    Map<String, String> labels,
    Map<String, String> annotations,
    int taskCount,
    int parallelism,
    TaskTemplate task) {

  public ExecutionTemplate {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(task, "task");
  }
}
