package dev.runwright.operator.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One Cloud Run Job execution the operator started for a release. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationExecution {
  @JsonPropertyDescription(
      "Full execution name, projects/PROJECT/locations/REGION/jobs/JOB/executions/EXECUTION.")
  private String name;

  @JsonPropertyDescription("Release the execution runs for.")
  private String release;

  @JsonPropertyDescription("spec.retryToken the execution was started with.")
  private String retryToken;

  @JsonPropertyDescription("Outcome so far: Running, Succeeded or Failed.")
  private MigrationPhase outcome;

  @JsonPropertyDescription("Time (RFC 3339) the execution started.")
  private String startTime;

  @JsonPropertyDescription("Time (RFC 3339) the execution finished.")
  private String completionTime;

  @JsonPropertyDescription("Link to the execution's logs in Cloud Logging.")
  private String logUri;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  public String getRetryToken() {
    return retryToken;
  }

  public void setRetryToken(String retryToken) {
    this.retryToken = retryToken;
  }

  public MigrationPhase getOutcome() {
    return outcome;
  }

  public void setOutcome(MigrationPhase outcome) {
    this.outcome = outcome;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getLogUri() {
    return logUri;
  }

  public void setLogUri(String logUri) {
    this.logUri = logUri;
  }
}
