package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Identity of a Google Cloud resource, recorded once in status so deletion and adoption never
 * depend on re-resolving spec references.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalRef {
  @JsonPropertyDescription(
      "Full Google resource name, e.g. projects/my-project/locations/asia-east1/services/jwt-service.")
  private String name;

  @JsonPropertyDescription("Google Cloud project ID the resource lives in.")
  private String project;

  @JsonPropertyDescription("Region of the resource, when the resource is regional.")
  private String location;

  @JsonPropertyDescription(
      "True when the operator created the resource; the operator only ever deletes resources it"
          + " created (or explicitly adopted).")
  private Boolean owned;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public Boolean getOwned() {
    return owned;
  }

  public void setOwned(Boolean owned) {
    this.owned = owned;
  }
}
