package dev.runwright.emulator.world;

import com.google.protobuf.Timestamp;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.emulator.control.OutcomeRules;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the emulated APIs share about the simulated world: the clock, how long work takes, scripted
 * outcomes and the project numbers. State advances lazily: each read compares the clock with when
 * work is due to finish.
 */
public final class Simulation {
  private final InstantSource clock;
  private final AtomicReference<Latencies> latencies;
  private final OutcomeRules outcomes;
  private final ProjectNumbers projects;

  public Simulation(
      InstantSource clock, Latencies latencies, OutcomeRules outcomes, ProjectNumbers projects) {
    this.clock = clock;
    this.latencies = new AtomicReference<>(latencies);
    this.outcomes = outcomes;
    this.projects = projects;
  }

  public Instant now() {
    return clock.instant();
  }

  public Timestamp nowTimestamp() {
    return timestamp(now());
  }

  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  public Latencies latencies() {
    return latencies.get();
  }

  public void setLatencies(Latencies value) {
    latencies.set(value);
  }

  public OutcomeRules outcomes() {
    return outcomes;
  }

  public ProjectNumbers projects() {
    return projects;
  }
}
