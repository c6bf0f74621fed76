package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionedStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.PendingOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Observed state of a CloudRunService, written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudRunServiceStatus implements ConditionedStatus {
  @JsonPropertyDescription("metadata.generation the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Reconciling and Stalled (kstatus) plus MigrationSucceeded, RevisionReady and"
          + " TrafficShifted, with reasons such as MigrationPending, MigrationFailed,"
          + " RevisionNotReady.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription(
      "The Cloud Run service: projects/PROJECT/locations/REGION/services/NAME.")
  private ExternalRef externalRef;

  @JsonPropertyDescription("Main URL of the service.")
  private String url;

  @JsonPropertyDescription("Release identity of the current spec (spec.release or the image).")
  private String release;

  @JsonPropertyDescription(
      "Deterministic revision name for the current spec: <service>-<hash of the template>.")
  private String desiredRevision;

  @JsonPropertyDescription("Revision that served 100% before the current rollout (last good).")
  private String stableRevision;

  @JsonPropertyDescription("Release the stable revision serves.")
  private String stableRelease;

  @JsonPropertyDescription("Revision of the release being rolled out, if any.")
  private String candidateRevision;

  @JsonPropertyDescription("Release the candidate revision serves.")
  private String candidateRelease;

  @JsonPropertyDescription("Tag URL that reaches the candidate revision directly, at any traffic.")
  private String candidateUrl;

  @JsonPropertyDescription("The traffic split observed on Cloud Run.")
  private List<TrafficTarget> traffic;

  @JsonPropertyDescription(
      "Traffic split in one line for kubectl, e.g. 'stable 90%, candidate 10%'.")
  private String trafficSummary;

  @JsonPropertyDescription("Progress of the current rollout.")
  private RolloutStatus rollout;

  @JsonPropertyDescription("Latest created revision reported by Cloud Run.")
  private String latestCreatedRevision;

  @JsonPropertyDescription("Latest ready revision reported by Cloud Run.")
  private String latestReadyRevision;

  @JsonPropertyDescription(
      "Secret versions the current revision template pins (env name -> full version name).")
  private Map<String, String> secretVersions;

  @JsonPropertyDescription("A long-running Cloud Run operation in flight, polled until done.")
  private PendingOperation pendingOperation;

  @JsonPropertyDescription(
      "Hash of the access last granted (Secret Manager access of the service account to each"
          + " referenced secret, public invoker); IAM is read again only when it changes.")
  private String appliedAccessHash;

  public String getAppliedAccessHash() {
    return appliedAccessHash;
  }

  public void setAppliedAccessHash(String appliedAccessHash) {
    this.appliedAccessHash = appliedAccessHash;
  }

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

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  public String getDesiredRevision() {
    return desiredRevision;
  }

  public void setDesiredRevision(String desiredRevision) {
    this.desiredRevision = desiredRevision;
  }

  public String getStableRevision() {
    return stableRevision;
  }

  public void setStableRevision(String stableRevision) {
    this.stableRevision = stableRevision;
  }

  public String getStableRelease() {
    return stableRelease;
  }

  public void setStableRelease(String stableRelease) {
    this.stableRelease = stableRelease;
  }

  public String getCandidateRevision() {
    return candidateRevision;
  }

  public void setCandidateRevision(String candidateRevision) {
    this.candidateRevision = candidateRevision;
  }

  public String getCandidateRelease() {
    return candidateRelease;
  }

  public void setCandidateRelease(String candidateRelease) {
    this.candidateRelease = candidateRelease;
  }

  public String getCandidateUrl() {
    return candidateUrl;
  }

  public void setCandidateUrl(String candidateUrl) {
    this.candidateUrl = candidateUrl;
  }

  public List<TrafficTarget> getTraffic() {
    return traffic;
  }

  public void setTraffic(List<TrafficTarget> traffic) {
    this.traffic = traffic;
  }

  public String getTrafficSummary() {
    return trafficSummary;
  }

  public void setTrafficSummary(String trafficSummary) {
    this.trafficSummary = trafficSummary;
  }

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }

  public String getLatestCreatedRevision() {
    return latestCreatedRevision;
  }

  public void setLatestCreatedRevision(String latestCreatedRevision) {
    this.latestCreatedRevision = latestCreatedRevision;
  }

  public String getLatestReadyRevision() {
    return latestReadyRevision;
  }

  public void setLatestReadyRevision(String latestReadyRevision) {
    this.latestReadyRevision = latestReadyRevision;
  }

  public Map<String, String> getSecretVersions() {
    return secretVersions;
  }

  public void setSecretVersions(Map<String, String> secretVersions) {
    this.secretVersions = secretVersions;
  }

  public PendingOperation getPendingOperation() {
    return pendingOperation;
  }

  public void setPendingOperation(PendingOperation pendingOperation) {
    this.pendingOperation = pendingOperation;
  }
}
