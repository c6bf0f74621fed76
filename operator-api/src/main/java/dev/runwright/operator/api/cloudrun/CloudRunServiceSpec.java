package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.api.common.EnvVar;
import dev.runwright.operator.api.common.GooglePatterns;
import dev.runwright.operator.api.common.LocalObjectRef;
import dev.runwright.operator.api.common.SecretEnvVar;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of a CloudRunService. */
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
    value = "has(self.project) == has(oldSelf.project)",
    message = "project cannot be added or removed after creation")
@ValidationRule(
    value = "has(self.serviceName) == has(oldSelf.serviceName)",
    message = "serviceName cannot be added or removed after creation")
@ValidationRule(
    value = "!has(self.migrationRef) || has(self.databaseRef)",
    message = "migrationRef requires databaseRef: migrations run against the service's database",
    fieldPath = ".migrationRef")
@ValidationRule(
    value =
        "!has(self.env) || self.env.all(e, !has(e.name) || self.env.exists_one(f, has(f.name) && f.name == e.name))",
    message = "env names must be unique",
    fieldPath = ".env")
@ValidationRule(
    value =
        "!has(self.secretEnv) || self.secretEnv.all(e, !has(e.name)"
            + " || self.secretEnv.exists_one(f, has(f.name) && f.name == e.name))",
    message = "secretEnv names must be unique",
    fieldPath = ".secretEnv")
@ValidationRule(
    value =
        "!has(self.env) || !has(self.secretEnv) || !self.env.exists(e, has(e.name)"
            + " && self.secretEnv.exists(s, has(s.name) && s.name == e.name))",
    message = "a variable cannot be in both env and secretEnv",
    fieldPath = ".secretEnv")
@ValidationRule(
    value =
        "!has(self.resources) || !has(self.resources.cpu) || !self.resources.cpu.endsWith('m')"
            + " || self.concurrency == 1",
    message = "a CPU limit below one CPU (e.g. 500m) requires concurrency: 1",
    fieldPath = ".concurrency")
public class CloudRunServiceSpec {
  @Pattern(GooglePatterns.PROJECT)
  @ValidationRule(value = "self == oldSelf", message = "project is immutable")
  @JsonPropertyDescription(
      "Google Cloud project ID. Defaults to the operator's configured project. Immutable.")
  private String project;

  @Required
  @Pattern(GooglePatterns.REGION)
  @ValidationRule(value = "self == oldSelf", message = "region is immutable")
  @JsonPropertyDescription("Region of the Cloud Run service, e.g. asia-east1. Immutable.")
  private String region;

  @Size(min = 1, max = 49)
  @Pattern(GooglePatterns.CLOUD_RUN_NAME)
  @ValidationRule(value = "self == oldSelf", message = "serviceName is immutable")
  @JsonPropertyDescription(
      "Cloud Run service name. Defaults to metadata.name. Lowercase letters, digits and hyphens,"
          + " at most 49 characters. Immutable.")
  private String serviceName;

  @Required
  @Size(min = 1, max = 512)
  @Pattern(GooglePatterns.IMAGE)
  @JsonPropertyDescription(
      "Container image of the release, with a tag or digest, e.g. runwright/jwt-service:1.0.0.")
  private String image;

  @Pattern(GooglePatterns.RELEASE)
  @JsonPropertyDescription(
      "Release identity. Defaults to the image reference. Must equal the MigrationJob's release"
          + " for the revision to get traffic.")
  private String release;

  @JsonPropertyDescription(
      "CloudSqlDatabase (same namespace) to connect to: the operator mounts its Cloud SQL socket,"
          + " sets the database settings and the pinned password secret. Nobody types a socket URL.")
  private LocalObjectRef databaseRef;

  @JsonPropertyDescription(
      "MigrationJob (same namespace) that gates traffic: a revision gets traffic only after this"
          + " job succeeded for the same release.")
  private LocalObjectRef migrationRef;

  @Size(max = 100)
  @JsonPropertyDescription("Plain environment variables. Never put secrets here.")
  private List<EnvVar> env;

  @Size(max = 100)
  @JsonPropertyDescription("Environment variables read from pinned Secret Manager versions.")
  private List<SecretEnvVar> secretEnv;

  @Size(max = 320)
  @Pattern(GooglePatterns.SERVICE_ACCOUNT)
  @JsonPropertyDescription(
      "Service account e-mail the revisions run as; it is granted access to exactly the secrets"
          + " this service references.")
  private String serviceAccount;

  @JsonPropertyDescription("Autoscaling bounds.")
  private ScalingSpec scaling;

  @Default("80")
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Concurrent requests per instance (1 to 1000). Defaults to 80.")
  private Integer concurrency;

  @Default("300")
  @Min(1)
  @Max(3600)
  @JsonPropertyDescription("Request timeout in seconds (1 to 3600). Defaults to 300.")
  private Integer timeoutSeconds;

  @JsonPropertyDescription("CPU and memory per instance.")
  private ResourcesSpec resources;

  @Default("8080")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription(
      "Port the container listens on; Cloud Run passes it as PORT. Defaults to 8080.")
  private Integer port;

  @Default("All")
  @JsonPropertyDescription(
      "Network ingress: All (default), Internal, or InternalAndCloudLoadBalancing.")
  private Ingress ingress;

  @Default("false")
  @JsonPropertyDescription(
      "Let anyone invoke the service without authentication (grants roles/run.invoker to"
          + " allUsers on this service only). Defaults to false.")
  private Boolean allowUnauthenticated;

  @JsonPropertyDescription("How traffic moves to a new release. Defaults to Immediate.")
  private RolloutSpec rollout;

  @Default("Delete")
  @JsonPropertyDescription(
      "Delete (default): deleting this resource deletes the Cloud Run service. Retain: the Cloud"
          + " Run service is kept.")
  private DeletionPolicy deletionPolicy;

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

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  public LocalObjectRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(LocalObjectRef databaseRef) {
    this.databaseRef = databaseRef;
  }

  public LocalObjectRef getMigrationRef() {
    return migrationRef;
  }

  public void setMigrationRef(LocalObjectRef migrationRef) {
    this.migrationRef = migrationRef;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public List<SecretEnvVar> getSecretEnv() {
    return secretEnv;
  }

  public void setSecretEnv(List<SecretEnvVar> secretEnv) {
    this.secretEnv = secretEnv;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public ScalingSpec getScaling() {
    return scaling;
  }

  public void setScaling(ScalingSpec scaling) {
    this.scaling = scaling;
  }

  public Integer getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(Integer concurrency) {
    this.concurrency = concurrency;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Ingress getIngress() {
    return ingress;
  }

  public void setIngress(Ingress ingress) {
    this.ingress = ingress;
  }

  public Boolean getAllowUnauthenticated() {
    return allowUnauthenticated;
  }

  public void setAllowUnauthenticated(Boolean allowUnauthenticated) {
    this.allowUnauthenticated = allowUnauthenticated;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
