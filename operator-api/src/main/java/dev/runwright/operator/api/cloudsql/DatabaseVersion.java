package dev.runwright.operator.api.cloudsql;

/** The Cloud SQL MySQL major versions the operator supports. */
public enum DatabaseVersion {
  MYSQL_5_7,
  MYSQL_8_0,
  MYSQL_8_4
}
