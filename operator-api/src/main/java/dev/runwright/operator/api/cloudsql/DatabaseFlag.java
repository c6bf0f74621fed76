package dev.runwright.operator.api.cloudsql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One MySQL flag of the instance (Cloud SQL settings.databaseFlags). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseFlag {
  @Required
  @Size(min = 1, max = 64)
  @Pattern("^[a-z][a-z0-9_]*$")
  @JsonPropertyDescription("Flag name as Cloud SQL spells it, e.g. max_connections.")
  private String name;

  @Required
  @Size(max = 255)
  @JsonPropertyDescription("Flag value as a string, e.g. \"200\" or \"on\".")
  private String value;

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
