package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.RolloutSpec;
import dev.runwright.operator.api.cloudrun.RolloutStrategy;
import java.time.Duration;
import java.util.List;

/**
 * How a migrated candidate is promoted: the candidate's traffic percentages in order (Immediate is
 * the single step 100), the pause held at each step, and the candidate's tag.
 *
 * @param readinessTimeout how long a candidate may stay not ready before it is rolled back
 */
record RolloutSettings(
    List<Integer> steps, Duration pause, String candidateTag, Duration readinessTimeout) {

  static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofMinutes(10);
  static final String DEFAULT_TAG = "candidate";

  RolloutSettings {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.get(steps.size() - 1) != 100) {
      throw new IllegalArgumentException("rollout steps must end at 100, were " + steps);
    }
  }

  static RolloutSettings of(RolloutSpec spec) {
    if (spec == null) {
      return new RolloutSettings(
          List.of(100), Duration.ZERO, DEFAULT_TAG, DEFAULT_READINESS_TIMEOUT);
    }
    boolean stepped =
        spec.getStrategy() == RolloutStrategy.Stepped
            && spec.getSteps() != null
            && !spec.getSteps().isEmpty();
    List<Integer> steps = stepped ? spec.getSteps() : List.of(100);
    Duration pause =
        stepped
            ? Duration.ofSeconds(spec.getPauseSeconds() == null ? 300 : spec.getPauseSeconds())
            : Duration.ZERO;
    String tag =
        spec.getCandidateTag() == null || spec.getCandidateTag().isEmpty()
            ? DEFAULT_TAG
            : spec.getCandidateTag();
    return new RolloutSettings(steps, pause, tag, DEFAULT_READINESS_TIMEOUT);
  }

  /** The candidate's percentage at step {@code index}; 0 before the first step. */
  int percentAt(int index) {
    return index < 0 ? 0 : steps.get(Math.min(index, steps.size() - 1));
  }

  int lastStep() {
    return steps.size() - 1;
  }
}
