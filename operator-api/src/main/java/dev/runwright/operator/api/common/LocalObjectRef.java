package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference to another Runwright resource in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalObjectRef {
  @Required
  @Size(min = 1, max = 253)
  @Pattern(RESOURCE_NAME)
  @JsonPropertyDescription("metadata.name of the referenced resource, in the same namespace.")
  private String name;

  /** DNS-1123 subdomain, the rule Kubernetes applies to custom resource names. */
  public static final String RESOURCE_NAME =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
