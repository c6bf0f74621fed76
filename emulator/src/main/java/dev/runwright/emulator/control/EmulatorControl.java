package dev.runwright.emulator.control;

import dev.runwright.emulator.run.TrafficChange;
import dev.runwright.emulator.run.TrafficHistory;
import dev.runwright.emulator.world.Simulation;
import java.util.List;

/**
 * The test and operator-facing controls of a running emulator: call counters, fault injection,
 * scripted outcomes, latencies, the traffic history of Cloud Run services, and a reset of all
 * state. The admin HTTP API exposes the same controls.
 */
public final class EmulatorControl {
  private final CallCounters counters;
  private final FaultInjector faults;
  private final Simulation sim;
  private final TrafficHistory trafficHistory;
  private final List<Runnable> stateResets;

  public EmulatorControl(
      CallCounters counters,
      FaultInjector faults,
      Simulation sim,
      TrafficHistory trafficHistory,
      List<Runnable> stateResets) {
    this.counters = counters;
    this.faults = faults;
    this.sim = sim;
    this.trafficHistory = trafficHistory;
    this.stateResets = List.copyOf(stateResets);
  }

  public CallCounters counters() {
    return counters;
  }

  public FaultInjector faults() {
    return faults;
  }

  public OutcomeRules outcomes() {
    return sim.outcomes();
  }

  public Latencies latencies() {
    return sim.latencies();
  }

  public void setLatencies(Latencies latencies) {
    sim.setLatencies(latencies);
  }

  /**
   * Every change of a Cloud Run service's serving routes since the start or the last {@link
   * #reset}, oldest first: which revisions (and images) could receive traffic from when.
   */
  public List<TrafficChange> trafficHistory() {
    return trafficHistory.changes();
  }

  /**
   * Forgets every resource, counter, fault, outcome rule and the traffic history; latencies stay as
   * they are.
   */
  public void reset() {
    stateResets.forEach(Runnable::run);
    counters.reset();
    faults.clear();
    sim.outcomes().clear();
  }
}
