package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.RolloutPhase;
import java.time.Instant;

/**
 * What the operator remembers about a rollout between reconciles (kept in status, so it resumes
 * where it was after a restart).
 *
 * @param stableRevision the last good revision, serving 100% outside a rollout; null before the
 *     first deploy completed
 * @param candidateRevision the revision of the release being rolled out; null when none
 * @param stepIndex index into the steps reached; -1 while the candidate is at 0%
 * @param stepStart when the current step's traffic was written
 */
record RolloutState(
    String stableRevision,
    String stableRelease,
    String candidateRevision,
    String candidateRelease,
    RolloutPhase phase,
    int stepIndex,
    Instant stepStart,
    String rollbackReason) {

  static RolloutState initial() {
    return new RolloutState(null, null, null, null, null, -1, null, null);
  }

  RolloutState withPhase(RolloutPhase value) {
    return new RolloutState(
        stableRevision,
        stableRelease,
        candidateRevision,
        candidateRelease,
        value,
        stepIndex,
        stepStart,
        rollbackReason);
  }

  RolloutState candidate(String revision, String release, RolloutPhase value) {
    boolean same = revision.equals(candidateRevision);
    return new RolloutState(
        stableRevision,
        stableRelease,
        revision,
        release,
        value,
        same ? stepIndex : -1,
        same ? stepStart : null,
        same ? rollbackReason : null);
  }

  RolloutState atStep(int index, Instant start) {
    return new RolloutState(
        stableRevision,
        stableRelease,
        candidateRevision,
        candidateRelease,
        RolloutPhase.Promoting,
        index,
        start,
        null);
  }

  RolloutState rolledBack(String reason) {
    return new RolloutState(
        stableRevision,
        stableRelease,
        candidateRevision,
        candidateRelease,
        RolloutPhase.RolledBack,
        -1,
        null,
        reason);
  }

  /** The candidate became the stable revision: the rollout is over. */
  static RolloutState complete(String revision, String release) {
    return new RolloutState(revision, release, null, null, RolloutPhase.Complete, -1, null, null);
  }
}
