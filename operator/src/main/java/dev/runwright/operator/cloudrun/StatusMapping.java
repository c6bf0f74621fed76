package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.CloudRunServiceStatus;
import dev.runwright.operator.api.cloudrun.RolloutStatus;
import dev.runwright.operator.api.cloudrun.TrafficTarget;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.run.TrafficStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes what Cloud Run reports and the rollout state into the CloudRunService status. */
final class StatusMapping {
  private StatusMapping() {}

  /** The remembered rollout, read back from status (what survives an operator restart). */
  static RolloutState rolloutState(CloudRunServiceStatus status) {
    RolloutStatus rollout = status.getRollout();
    return new RolloutState(
        status.getStableRevision(),
        status.getStableRelease(),
        status.getCandidateRevision(),
        status.getCandidateRelease(),
        rollout == null ? null : rollout.getPhase(),
        rollout == null || rollout.getStepIndex() == null ? -1 : rollout.getStepIndex(),
        rollout == null || rollout.getStepStartTime() == null
            ? null
            : Instant.parse(rollout.getStepStartTime()),
        rollout == null ? null : rollout.getRollbackReason());
  }

  static void rollout(CloudRunServiceStatus status, RolloutState state, RolloutSettings settings) {
    status.setStableRevision(state.stableRevision());
    status.setStableRelease(state.stableRelease());
    status.setCandidateRevision(state.candidateRevision());
    status.setCandidateRelease(state.candidateRelease());
    if (state.phase() == null) {
      status.setRollout(null);
      return;
    }
    RolloutStatus rollout = new RolloutStatus();
    rollout.setPhase(state.phase());
    boolean promoting = state.phase() == dev.runwright.operator.api.cloudrun.RolloutPhase.Promoting;
    rollout.setStepIndex(promoting && state.stepIndex() >= 0 ? state.stepIndex() : null);
    rollout.setCandidatePercent(
        state.candidateRevision() == null
            ? null
            : settings.percentAt(promoting ? state.stepIndex() : -1));
    rollout.setStepStartTime(state.stepStart() == null ? null : state.stepStart().toString());
    rollout.setRollbackReason(state.rollbackReason());
    status.setRollout(rollout);
  }

  /** URL, revisions and the traffic as Cloud Run serves it (trafficStatuses, not the request). */
  static void observed(
      CloudRunServiceStatus status, RunService service, String candidateTag, boolean candidate) {
    status.setUrl(service.uri().orElse(null));
    status.setLatestCreatedRevision(service.latestCreatedRevision().orElse(null));
    status.setLatestReadyRevision(service.latestReadyRevision().orElse(null));
    List<TrafficTarget> traffic = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    Optional<String> candidateUrl = Optional.empty();
    for (TrafficStatus s : service.trafficStatuses()) {
      TrafficTarget t = new TrafficTarget();
      t.setRevision(s.revision().orElse(s.latest() ? "LATEST" : null));
      t.setPercent(s.percent());
      t.setTag(s.tag().orElse(null));
      t.setUri(s.uri().orElse(null));
      traffic.add(t);
      summary.add(
          t.getRevision() + " " + s.percent() + "%" + s.tag().map(g -> " (" + g + ")").orElse(""));
      if (candidate && s.tag().equals(Optional.of(candidateTag))) {
        candidateUrl = s.uri();
      }
    }
    status.setTraffic(traffic.isEmpty() ? null : traffic);
    status.setTrafficSummary(summary.isEmpty() ? null : String.join(", ", summary));
    status.setCandidateUrl(candidateUrl.orElse(null));
  }
}
