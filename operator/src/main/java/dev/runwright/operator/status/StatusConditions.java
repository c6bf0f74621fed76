package dev.runwright.operator.status;

import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.ConditionedStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one writer of status conditions for every kind: kstatus {@code Ready}, {@code Reconciling}
 * and {@code Stalled} plus domain conditions. It stamps {@code observedGeneration} on the status
 * and on each condition it writes, and keeps {@code lastTransitionTime} when a condition's status
 * did not change, so re-running a reconcile produces an identical status (and therefore no patch).
 */
public final class StatusConditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";

  private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final int MAX_MESSAGE_LENGTH = 1024;

  private final ConditionedStatus status;
  private final long generation;
  private final Clock clock;

  private StatusConditions(ConditionedStatus status, long generation, Clock clock) {
    this.status = status;
    this.generation = generation;
    this.clock = clock;
    if (status.getConditions() == null) {
      status.setConditions(new ArrayList<>());
    }
  }

  /** Writes conditions into {@code status} for a resource at {@code generation}. */
  public static StatusConditions of(ConditionedStatus status, long generation, Clock clock) {
    return new StatusConditions(Objects.requireNonNull(status), generation, clock);
  }

  /** The resource reached its desired state: Ready=True, not reconciling, not stalled. */
  public StatusConditions ready(String reason, String message) {
    set(READY, ConditionStatus.True, reason, message);
    set(RECONCILING, ConditionStatus.False, reason, message);
    set(STALLED, ConditionStatus.False, reason, message);
    return observed();
  }

  /** Work is under way and expected to finish without user action. */
  public StatusConditions reconciling(String reason, String message) {
    set(READY, ConditionStatus.False, reason, message);
    set(RECONCILING, ConditionStatus.True, reason, message);
    set(STALLED, ConditionStatus.False, reason, message);
    return observed();
  }

  /** Progress stopped; it needs a change of spec, or of the world, to move again. */
  public StatusConditions stalled(String reason, String message) {
    set(READY, ConditionStatus.False, reason, message);
    set(RECONCILING, ConditionStatus.False, reason, message);
    set(STALLED, ConditionStatus.True, reason, message);
    return observed();
  }

  /**
   * A transient failure that will be retried with backoff: Reconciling with the reason, unless the
   * resource is Ready (one failed call must not make a healthy resource look broken).
   */
  public StatusConditions retrying(String reason, String message) {
    Condition ready = find(READY);
    if (ready == null || ready.getStatus() != ConditionStatus.True) {
      reconciling(reason, message + " (retrying with backoff)");
    }
    return this;
  }

  /** Whether {@code before} already said Stalled with this reason and message (no second Event). */
  public static boolean wasStalledWith(ConditionedStatus before, String reason, String message) {
    return before != null
        && before.getConditions() != null
        && before.getConditions().stream()
            .anyMatch(
                c ->
                    STALLED.equals(c.getType())
                        && c.getStatus() == ConditionStatus.True
                        && reason.equals(c.getReason())
                        && message.equals(c.getMessage()));
  }

  /**
   * Sets one (typically domain) condition, keeping its transition time if its status is unchanged.
   */
  public StatusConditions set(String type, ConditionStatus value, String reason, String message) {
    requireCamelCase("condition type", type);
    requireCamelCase("reason", reason);
    List<Condition> conditions = status.getConditions();
    Condition existing = find(type);
    Condition condition = existing != null ? existing : new Condition();
    if (existing == null
        || existing.getStatus() != value
        || existing.getLastTransitionTime() == null) {
      condition.setLastTransitionTime(now());
    }
    condition.setType(type);
    condition.setStatus(value);
    condition.setReason(reason);
    condition.setMessage(truncate(message));
    condition.setObservedGeneration(generation);
    if (existing == null) {
      conditions.add(condition);
    }
    return this;
  }

  /** Removes a domain condition that no longer applies. */
  public StatusConditions remove(String type) {
    status.getConditions().removeIf(c -> type.equals(c.getType()));
    return this;
  }

  /** The condition of that type, or null. */
  public Condition find(String type) {
    for (Condition c : status.getConditions()) {
      if (type.equals(c.getType())) {
        return c;
      }
    }
    return null;
  }

  private StatusConditions observed() {
    status.setObservedGeneration(generation);
    return this;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void requireCamelCase(String what, String value) {
    if (value == null || !CAMEL_CASE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be CamelCase, got: " + value);
    }
  }

  private static String truncate(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }
}
