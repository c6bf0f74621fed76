package dev.runwright.operator.api.cloudsql;

/** Cloud SQL edition. */
public enum Edition {
  ENTERPRISE,
  ENTERPRISE_PLUS
}
