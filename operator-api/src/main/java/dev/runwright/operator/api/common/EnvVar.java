package dev.runwright.operator.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A plain environment variable for the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.name) || !(self.name in ['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION'])",
    message = "env names PORT, K_SERVICE, K_REVISION and K_CONFIGURATION are reserved by Cloud Run",
    fieldPath = ".name")
public class EnvVar {
  @Required
  @Size(min = 1, max = 128)
  @Pattern(ENV_NAME)
  @JsonPropertyDescription(
      "Variable name: letters, digits and underscores, not starting with a digit.")
  private String name;

  @Size(max = 32768)
  @JsonPropertyDescription(
      "Variable value. Never put secrets here: use secretEnv, which reads Secret Manager.")
  private String value;

  public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
