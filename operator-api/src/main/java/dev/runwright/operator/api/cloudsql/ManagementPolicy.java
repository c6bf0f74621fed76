package dev.runwright.operator.api.cloudsql;

/** How much of the Cloud SQL instance the operator may change. */
public enum ManagementPolicy {
  /** Create the instance if absent (or adopt it when asked) and keep its declared settings. */
  Manage,
  /** Only read an existing (e.g. DBA-owned) instance; never write to it. */
  Observe
}
