package dev.runwright.operator.gcp.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloud Run service as read from Google: its spec plus what Cloud Run reports about it.
 *
 * @param etag pass it back on update, so a concurrent change makes the update fail instead of being
 *     lost
 */
public record RunService(
    ServiceName name,
    ServiceSpec spec,
    long generation,
    long observedGeneration,
    boolean reconciling,
    Optional<RunCondition> terminalCondition,
    List<RunCondition> conditions,
    Optional<String> latestCreatedRevision,
    Optional<String> latestReadyRevision,
    List<TrafficStatus> trafficStatuses,
    Optional<String> uri,
    String etag) {

  public RunService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(terminalCondition, "terminalCondition");
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(latestCreatedRevision, "latestCreatedRevision");
    Objects.requireNonNull(latestReadyRevision, "latestReadyRevision");
    trafficStatuses = List.copyOf(trafficStatuses);
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(etag, "etag");
  }

  /**
   * Whether Cloud Run has finished rolling out the current spec, by Cloud Run's own definition: the
   * latest generation is observed, traffic is where it was asked to go, and the latest revision is
   * ready.
   */
  public boolean rolloutSettled() {
    return !reconciling
        && observedGeneration == generation
        && latestCreatedRevision.isPresent()
        && latestCreatedRevision.equals(latestReadyRevision)
        && trafficMatchesSpec();
  }

  /** Whether the reported traffic equals the requested traffic, ignoring order. */
  public boolean trafficMatchesSpec() {
    List<TrafficTarget> remaining = new ArrayList<>(spec.traffic());
    for (TrafficStatus status : trafficStatuses) {
      if (!remaining.remove(status.asTarget())) {
        return false;
      }
    }
    return remaining.isEmpty();
  }
}
