package dev.runwright.operator.gcp.sql;

import java.util.Map;
import java.util.Objects;

/**
 * What the operator asks for when it creates an instance.
 *
 * @param databaseVersion e.g. {@code MYSQL_8_0}; immutable after creation
 * @param region e.g. {@code europe-west1}; immutable after creation
 * @param labels user labels ({@code settings.userLabels}), e.g. who created the instance
 */
public record SqlInstanceSpec(
    SqlInstanceName name,
    String databaseVersion,
    String region,
    SqlSettings settings,
    Map<String, String> labels) {

  public SqlInstanceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(databaseVersion, "databaseVersion");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(settings, "settings");
    labels = Map.copyOf(labels);
  }

  /** An instance without labels. */
  public SqlInstanceSpec(
      SqlInstanceName name, String databaseVersion, String region, SqlSettings settings) {
    this(name, databaseVersion, region, settings, Map.of());
  }
}
