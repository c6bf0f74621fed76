package dev.runwright.operator.config;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a converged resource is re-read from Google. Jitter spreads resyncs of resources
 * created together, so they do not hit Google's quotas in bursts.
 *
 * @param interval the nominal interval
 * @param jitterFraction the largest extra delay, as a fraction of the interval (0 to 0.5)
 */
public record ResyncSchedule(Duration interval, double jitterFraction) {

  public ResyncSchedule {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("resync interval must be positive, was " + interval);
    }
    if (!(jitterFraction >= 0 && jitterFraction <= 0.5)) {
      throw new IllegalArgumentException("jitter must be between 0 and 0.5, was " + jitterFraction);
    }
  }

  /** The delay until the next resync: the interval plus a random share of the jitter. */
  public Duration nextDelay(RandomGenerator random) {
    long extraMillis = Math.round(interval.toMillis() * jitterFraction * random.nextDouble());
    return interval.plusMillis(extraMillis);
  }
}
