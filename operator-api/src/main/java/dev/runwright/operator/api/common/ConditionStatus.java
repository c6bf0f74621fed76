package dev.runwright.operator.api.common;

/** The three values a condition status can take (Kubernetes API conventions). */
public enum ConditionStatus {
  True,
  False,
  Unknown
}
