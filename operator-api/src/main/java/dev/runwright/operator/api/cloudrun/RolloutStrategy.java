package dev.runwright.operator.api.cloudrun;

/** How a migrated candidate revision is promoted. */
public enum RolloutStrategy {
  /** 100% to the candidate as soon as it is ready. */
  Immediate,
  /** Through spec.rollout.steps, checking the candidate's readiness at each step. */
  Stepped
}
