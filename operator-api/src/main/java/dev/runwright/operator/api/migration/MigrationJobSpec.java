package dev.runwright.operator.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.common.EnvVar;
import dev.runwright.operator.api.common.GooglePatterns;
import dev.runwright.operator.api.common.LocalObjectRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of a MigrationJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = GooglePatterns.IMAGE_HAS_TAG_OR_DIGEST_RULE,
    message = GooglePatterns.IMAGE_HAS_TAG_OR_DIGEST_MESSAGE,
    fieldPath = ".image")
@ValidationRule(
    value = GooglePatterns.LATEST_NEEDS_RELEASE_RULE,
    message = GooglePatterns.LATEST_NEEDS_RELEASE_MESSAGE,
    fieldPath = ".image")
@ValidationRule(
    value = "has(self.region) == has(oldSelf.region)",
    message = "region cannot be added or removed after creation")
@ValidationRule(
    value = "has(self.project) == has(oldSelf.project)",
    message = "project cannot be added or removed after creation")
@ValidationRule(
    value =
        "!has(self.env) || self.env.all(e, !has(e.name) || self.env.exists_one(f, has(f.name) && f.name == e.name))",
    message = "env names must be unique",
    fieldPath = ".env")
public class MigrationJobSpec {
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message = "databaseRef is immutable: a migration history belongs to one database")
  @JsonPropertyDescription("The CloudSqlDatabase (same namespace) the migrations run against.")
  private LocalObjectRef databaseRef;

  @Pattern(GooglePatterns.PROJECT)
  @ValidationRule(value = "self == oldSelf", message = "project is immutable")
  @JsonPropertyDescription(
      "Google Cloud project ID of the Cloud Run Job. Defaults to the operator's configured project."
          + " Immutable.")
  private String project;

  @Pattern(GooglePatterns.REGION)
  @ValidationRule(value = "self == oldSelf", message = "region is immutable")
  @JsonPropertyDescription(
      "Region of the Cloud Run Job. Defaults to the CloudSqlDatabase's region. Immutable.")
  private String region;

  @Required
  @Size(min = 1, max = 512)
  @Pattern(GooglePatterns.IMAGE)
  @JsonPropertyDescription(
      "Container image of the release, with a tag or digest, e.g."
          + " runwright/jwt-service:1.0.0. Its migrations run once per release.")
  private String image;

  @Size(max = 16)
  @JsonPropertyDescription(
      "Overrides the image's entrypoint. Usually left empty: the service image's entrypoint"
          + " dispatches on args.")
  private List<String> command;

  @Size(max = 64)
  @JsonPropertyDescription("Arguments for the entrypoint. Defaults to [migrate].")
  private List<String> args;

  @Size(max = 100)
  @JsonPropertyDescription(
      "Extra environment variables. The database settings are added by the operator from the"
          + " CloudSqlDatabase status; never put secrets here.")
  private List<EnvVar> env;

  @Pattern(GooglePatterns.RELEASE)
  @JsonPropertyDescription(
      "Release identity the migration runs for. Defaults to the image reference; set it when the"
          + " image reference alone does not identify the release (e.g. a :latest tag).")
  private String release;

  @Default("600")
  @Min(1)
  @Max(86400)
  @JsonPropertyDescription("Timeout of one attempt in seconds (1 to 86400). Defaults to 600.")
  private Integer timeoutSeconds;

  @Default("0")
  @Min(0)
  @Max(10)
  @JsonPropertyDescription(
      "Automatic retries of a failed attempt (0 to 10). Defaults to 0 because MySQL DDL is not"
          + " transactional: re-run on purpose with retryToken instead.")
  private Integer maxRetries;

  @Size(max = 320)
  @Pattern(GooglePatterns.SERVICE_ACCOUNT)
  @JsonPropertyDescription(
      "Service account e-mail the job runs as. Defaults to the project's default compute account.")
  private String serviceAccount;

  @Size(max = 63)
  @Pattern("^[A-Za-z0-9._-]*$")
  @JsonPropertyDescription(
      "Retry token: a failed release is never re-run automatically; set a new value to run it"
          + " once more.")
  private String retryToken;

  public LocalObjectRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(LocalObjectRef databaseRef) {
    this.databaseRef = databaseRef;
  }

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public String getRetryToken() {
    return retryToken;
  }

  public void setRetryToken(String retryToken) {
    this.retryToken = retryToken;
  }
}
