package dev.runwright.emulator.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Holds the injected faults and decides, call by call, which one (if any) applies. */
public final class FaultInjector {
  private final List<ArmedFault> faults = new ArrayList<>();
  private final RandomGenerator random;
  private long injected;

  public FaultInjector(RandomGenerator random) {
    this.random = random;
  }

  private static final class ArmedFault {
    final Fault fault;
    int remaining;

    ArmedFault(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }
  }

  public synchronized void add(Fault fault) {
    faults.add(new ArmedFault(fault));
  }

  public synchronized List<Fault> active() {
    return faults.stream().map(a -> a.fault).toList();
  }

  /** How many calls got a fault since the emulator started (clearing faults keeps the count). */
  public synchronized long injected() {
    return injected;
  }

  public synchronized void clear() {
    faults.clear();
  }

  /** The first armed fault matching this call, consuming one of its uses. */
  public synchronized Optional<Fault> take(String method, String path) {
    for (var iterator = faults.iterator(); iterator.hasNext(); ) {
      ArmedFault armed = iterator.next();
      if (!armed.fault.matches(method, path)) {
        continue;
      }
      if (armed.fault.probability() < 1.0 && random.nextDouble() >= armed.fault.probability()) {
        continue;
      }
      if (armed.remaining > 0 && --armed.remaining == 0) {
        iterator.remove();
      }
      injected++;
      return Optional.of(armed.fault);
    }
    return Optional.empty();
  }
}
