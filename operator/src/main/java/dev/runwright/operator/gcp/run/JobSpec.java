package dev.runwright.operator.gcp.run;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The writable part of a Cloud Run job.
 *
 * @param executionToken when present, Cloud Run starts one execution for it as part of the create
 *     or update; it is input only and reads back empty
 */
public record JobSpec(
    Map<String, String> labels,
    Map<String, String> annotations,
    ExecutionTemplate template,
    Optional<ExecutionToken> executionToken) {

  public JobSpec {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(executionToken, "executionToken");
  }

  /** The same spec without an execution token, e.g. to compare with what Google reports. */
  public JobSpec withoutToken() {
    return new JobSpec(labels, annotations, template, Optional.empty());
  }
}
