package dev.runwright.operator.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionedStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.PendingOperation;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a MigrationJob, written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationJobStatus implements ConditionedStatus {
  @JsonPropertyDescription("metadata.generation the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready (the current release's migration succeeded), Reconciling (running or waiting),"
          + " Stalled (failed; set a new retryToken or release) and MigrationSucceeded.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The Cloud Run Job: projects/PROJECT/locations/REGION/jobs/JOB.")
  private ExternalRef externalRef;

  @JsonPropertyDescription("Release identity of the current spec (spec.release or the image).")
  private String release;

  @JsonPropertyDescription("Phase of the current release: Pending, Running, Succeeded or Failed.")
  private MigrationPhase phase;

  @JsonPropertyDescription(
      "The latest release whose migration succeeded; kept until a newer release succeeds."
          + " CloudRunService gates traffic on it.")
  private String succeededRelease;

  @JsonPropertyDescription("Execution that succeeded for succeededRelease.")
  private String succeededExecution;

  @JsonPropertyDescription("The latest execution started (one per release and retry token).")
  private MigrationExecution execution;

  @JsonPropertyDescription(
      "Secret Manager version of the database password the job was configured with.")
  private String databaseSecretVersion;

  @JsonPropertyDescription("A long-running Cloud Run operation in flight, polled until done.")
  private PendingOperation pendingOperation;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public ExternalRef getExternalRef() {
    return externalRef;
  }

  public void setExternalRef(ExternalRef externalRef) {
    this.externalRef = externalRef;
  }

  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  public MigrationPhase getPhase() {
    return phase;
  }

  public void setPhase(MigrationPhase phase) {
    this.phase = phase;
  }

  public String getSucceededRelease() {
    return succeededRelease;
  }

  public void setSucceededRelease(String succeededRelease) {
    this.succeededRelease = succeededRelease;
  }

  public String getSucceededExecution() {
    return succeededExecution;
  }

  public void setSucceededExecution(String succeededExecution) {
    this.succeededExecution = succeededExecution;
  }

  public MigrationExecution getExecution() {
    return execution;
  }

  public void setExecution(MigrationExecution execution) {
    this.execution = execution;
  }

  public String getDatabaseSecretVersion() {
    return databaseSecretVersion;
  }

  public void setDatabaseSecretVersion(String databaseSecretVersion) {
    this.databaseSecretVersion = databaseSecretVersion;
  }

  public PendingOperation getPendingOperation() {
    return pendingOperation;
  }

  public void setPendingOperation(PendingOperation pendingOperation) {
    this.pendingOperation = pendingOperation;
  }
}
