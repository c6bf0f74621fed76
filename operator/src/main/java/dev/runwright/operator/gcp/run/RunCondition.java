package dev.runwright.operator.gcp.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition Cloud Run reports on a service, revision, job or execution.
 *
 * @param type e.g. {@code Ready}, {@code RoutesReady}, {@code Completed}
 * @param reason the condition's reason, revision reason or execution reason, whichever is set
 */
public record RunCondition(
    String type,
    ConditionState state,
    String message,
    String reason,
    Optional<Instant> lastTransitionTime) {

  public RunCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
  }

  /** The condition of {@code type} among {@code conditions}, if reported. */
  public static Optional<RunCondition> find(List<RunCondition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
