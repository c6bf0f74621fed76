package dev.runwright.operator.gcp.sql;

import java.util.Objects;

/**
 * What the operator asks for when it creates an instance.
 *
 * @param databaseVersion e.g. {@code MYSQL_8_0}; immutable after creation
 * @param region e.g. {@code europe-west1}; immutable after creation
 */
public record SqlInstanceSpec(
    SqlInstanceName name, String databaseVersion, String region, SqlSettings settings) {

  public SqlInstanceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(databaseVersion, "databaseVersion");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(settings, "settings");
  }
}
