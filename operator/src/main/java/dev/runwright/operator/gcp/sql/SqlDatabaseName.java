package dev.runwright.operator.gcp.sql;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.Objects;

/** {@code projects/{project}/instances/{instance}/databases/{database}}. */
public record SqlDatabaseName(SqlInstanceName instance, String database) {

  public SqlDatabaseName {
    Objects.requireNonNull(instance, "instance");
    ResourceNameSegments.require("database", database);
  }

  public static SqlDatabaseName parse(String name) {
    int at = name.lastIndexOf("/databases/");
    if (at < 0) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/instances/{instance}/databases/{database}");
    }
    return new SqlDatabaseName(
        SqlInstanceName.parse(name.substring(0, at)), name.substring(at + "/databases/".length()));
  }

  @Override
  public String toString() {
    return instance + "/databases/" + database;
  }
}
