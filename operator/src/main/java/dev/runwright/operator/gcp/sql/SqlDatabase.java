package dev.runwright.operator.gcp.sql;

import java.util.Objects;

/** A database in a Cloud SQL instance. */
public record SqlDatabase(SqlDatabaseName name, String charset, String collation) {
  public SqlDatabase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(collation, "collation");
  }
}
