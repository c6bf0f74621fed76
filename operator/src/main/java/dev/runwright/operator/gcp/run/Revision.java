package dev.runwright.operator.gcp.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One revision of a Cloud Run service, as read from Google. */
public record Revision(
    RevisionName name,
    Map<String, String> labels,
    Map<String, String> annotations,
    long generation,
    boolean reconciling,
    List<RunCondition> conditions,
    List<String> images,
    Optional<String> logUri,
    Optional<Instant> createTime) {

  public Revision {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    conditions = List.copyOf(conditions);
    images = List.copyOf(images);
    Objects.requireNonNull(logUri, "logUri");
    Objects.requireNonNull(createTime, "createTime");
  }

  /** The revision's {@code Ready} condition, if Cloud Run reported one yet. */
  public Optional<RunCondition> readyCondition() {
    return RunCondition.find(conditions, "Ready");
  }

  public boolean ready() {
    return readyCondition().map(c -> c.state() == ConditionState.SUCCEEDED).orElse(false);
  }

  /** Whether the revision failed to become ready (it will not recover by itself). */
  public boolean failed() {
    return readyCondition().map(c -> c.state() == ConditionState.FAILED).orElse(false);
  }
}
