package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** An environment variable read from a Secret Manager secret version pinned in the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.name) || !(self.name in ['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION'])",
    message = "env names PORT, K_SERVICE, K_REVISION and K_CONFIGURATION are reserved by Cloud Run",
    fieldPath = ".name")
@ValidationRule(
    value = "!has(self.version) || self.version.matches('^[1-9][0-9]*$')",
    message =
        "version must be a pinned version number such as '3'; 'latest' and aliases are not accepted"
            + " because they would change what a running revision reads without a deploy",
    fieldPath = ".version")
public class SecretEnvVar {
  @Required
  @Size(min = 1, max = 128)
  @Pattern(EnvVar.ENV_NAME)
  @JsonPropertyDescription(
      "Variable name: letters, digits and underscores, not starting with a digit.")
  private String name;

  @Required
  @Size(min = 1, max = 255)
  @Pattern("^([a-zA-Z0-9_-]{1,255}|projects/[a-z0-9-]+/secrets/[a-zA-Z0-9_-]{1,255})$")
  @JsonPropertyDescription(
      "Secret Manager secret: a secret ID in the service's project, or projects/PROJECT/secrets/ID.")
  private String secret;

  @Required
  @Size(min = 1, max = 20)
  @JsonPropertyDescription(
      "Secret version number, pinned: 'latest' is not accepted because it would change what a running"
          + " revision reads without a deploy.")
  private String version;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
