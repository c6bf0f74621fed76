package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A Secret Manager secret and the version pinned for consumers (published in status). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretVersionRef {
  @JsonPropertyDescription("Full secret name, projects/PROJECT/secrets/ID.")
  private String secret;

  @JsonPropertyDescription("Pinned version number, e.g. 3.")
  private String version;

  @JsonPropertyDescription("Full version name, projects/PROJECT/secrets/ID/versions/N.")
  private String versionName;

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

  public String getVersionName() {
    return versionName;
  }

  public void setVersionName(String versionName) {
    this.versionName = versionName;
  }
}
