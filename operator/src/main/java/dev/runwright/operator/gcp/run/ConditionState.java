package dev.runwright.operator.gcp.run;

/** The state of a Cloud Run condition. */
public enum ConditionState {
  UNSPECIFIED,
  PENDING,
  RECONCILING,
  FAILED,
  SUCCEEDED
}
