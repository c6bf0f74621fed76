package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A status condition following the Kubernetes API conventions (and kstatus). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {
  @Required
  @JsonPropertyDescription(
      "Condition type: Ready, Reconciling, Stalled, or a domain condition such as MigrationSucceeded"
          + " or TrafficShifted.")
  private String type;

  @Required
  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  private ConditionStatus status;

  @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition.")
  private String reason;

  @JsonPropertyDescription("Human-readable explanation of the condition; never contains secrets.")
  private String message;

  @JsonPropertyDescription(
      "metadata.generation the condition was computed for; older than metadata.generation means stale.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Time (RFC 3339) the condition's status last changed; kept when only reason or message change.")
  private String lastTransitionTime;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public ConditionStatus getStatus() {
    return status;
  }

  public void setStatus(ConditionStatus status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }
}
