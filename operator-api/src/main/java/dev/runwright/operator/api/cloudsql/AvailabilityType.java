package dev.runwright.operator.api.cloudsql;

/** Cloud SQL availability: one zone, or a regional (high-availability) pair. */
public enum AvailabilityType {
  ZONAL,
  REGIONAL
}
