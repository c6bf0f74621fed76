package dev.runwright.operator.gcp.run;

/** Where an execution stands. */
public enum ExecutionOutcome {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
