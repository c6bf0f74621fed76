package dev.runwright.operator.reconcile;

import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.gcp.GoogleAdapters;
import java.time.Clock;
import java.util.Objects;

/**
 * What every reconciler is built from, created once by the composition root: the configuration, the
 * Google ports, the clock, the resync timing and the Events publisher.
 */
public record OperatorServices(
    OperatorConfig config, GoogleAdapters google, Clock clock, Resync resync, KubeEvents events) {

  public OperatorServices {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(google, "google");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(resync, "resync");
    Objects.requireNonNull(events, "events");
  }
}
