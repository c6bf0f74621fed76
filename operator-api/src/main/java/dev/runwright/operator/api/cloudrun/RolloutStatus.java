package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Progress of the current rollout, kept so it resumes where it was after a restart. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {
  @JsonPropertyDescription("WaitingForMigration, Deploying, Promoting, RolledBack or Complete.")
  private RolloutPhase phase;

  @JsonPropertyDescription("Index into spec.rollout.steps of the step reached (Stepped only).")
  private Integer stepIndex;

  @JsonPropertyDescription("Candidate traffic percentage of the step reached.")
  private Integer candidatePercent;

  @JsonPropertyDescription("Time (RFC 3339) the current step began.")
  private String stepStartTime;

  @JsonPropertyDescription("Why the last candidate was rolled back, if it was.")
  private String rollbackReason;

  public RolloutPhase getPhase() {
    return phase;
  }

  public void setPhase(RolloutPhase phase) {
    this.phase = phase;
  }

  public Integer getStepIndex() {
    return stepIndex;
  }

  public void setStepIndex(Integer stepIndex) {
    this.stepIndex = stepIndex;
  }

  public Integer getCandidatePercent() {
    return candidatePercent;
  }

  public void setCandidatePercent(Integer candidatePercent) {
    this.candidatePercent = candidatePercent;
  }

  public String getStepStartTime() {
    return stepStartTime;
  }

  public void setStepStartTime(String stepStartTime) {
    this.stepStartTime = stepStartTime;
  }

  public String getRollbackReason() {
    return rollbackReason;
  }

  public void setRollbackReason(String rollbackReason) {
    this.rollbackReason = rollbackReason;
  }
}
