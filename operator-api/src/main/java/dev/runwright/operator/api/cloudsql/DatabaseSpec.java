package dev.runwright.operator.api.cloudsql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The MySQL database inside the instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.collation.startsWith(self.charset + '_')",
    message =
        "database.collation must belong to database.charset (e.g. utf8mb4_0900_ai_ci for utf8mb4)",
    fieldPath = ".collation")
public class DatabaseSpec {
  @Required
  @Size(min = 1, max = 64)
  @Pattern("^[A-Za-z0-9_]+$")
  @ValidationRule(value = "self == oldSelf", message = "database.name is immutable")
  @JsonPropertyDescription(
      "Database name: letters, digits and underscores, at most 64 characters. Immutable.")
  private String name;

  @Default("utf8mb4")
  @Size(min = 1, max = 32)
  @Pattern("^[a-z0-9]+$")
  @JsonPropertyDescription("MySQL character set. Defaults to utf8mb4.")
  private String charset;

  @Default("utf8mb4_0900_ai_ci")
  @Size(min = 1, max = 64)
  @Pattern("^[a-z0-9_]+$")
  @JsonPropertyDescription(
      "MySQL collation; must belong to the character set. Defaults to utf8mb4_0900_ai_ci.")
  private String collation;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCharset() {
    return charset;
  }

  public void setCharset(String charset) {
    this.charset = charset;
  }

  public String getCollation() {
    return collation;
  }

  public void setCollation(String collation) {
    this.collation = collation;
  }
}
