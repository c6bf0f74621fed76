package dev.runwright.emulator.run.runtime;

import com.google.cloud.run.v2.Revision;
import dev.runwright.emulator.world.Simulation;
import java.time.Instant;

/**
 * Revisions that run nothing: ready once the configured revision latency has passed, unless the
 * outcome rules say this revision fails or never becomes ready.
 */
public final class SimulatedRevisionRuntime implements RevisionRuntime {
  private final Simulation sim;

  public SimulatedRevisionRuntime(Simulation sim) {
    this.sim = sim;
  }

  @Override
  public RevisionInstance start(Revision revision) {
    String name = revision.getName();
    Instant readyAt = sim.now().plus(sim.latencies().revisionReady());
    boolean fails = sim.outcomes().revisionFails(name);
    boolean stuck = sim.outcomes().revisionNeverReady(name);
    return () -> {
      if (stuck || sim.now().isBefore(readyAt)) {
        return RevisionInstance.Readiness.pending();
      }
      if (fails) {
        return RevisionInstance.Readiness.failed(
            "The user-provided container failed to start and listen on the port defined provided by the"
                + " PORT=8080 environment variable within the allocated timeout.");
      }
      return RevisionInstance.Readiness.ready();
    };
  }
}
