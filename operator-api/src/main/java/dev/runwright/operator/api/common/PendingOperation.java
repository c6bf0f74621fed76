package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A long-running Google operation the operator started and polls, recorded so it can be picked up
 * again after an operator restart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingOperation {
  @JsonPropertyDescription("Full Google name of the operation, as returned by the API.")
  private String name;

  @JsonPropertyDescription("What the operation does, e.g. CreateInstance, UpdateService, RunJob.")
  private String action;

  @JsonPropertyDescription("Full Google resource name of the resource the operation acts on.")
  private String target;

  @JsonPropertyDescription("Time (RFC 3339) the operation was started.")
  private String startTime;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }
}
