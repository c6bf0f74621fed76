package dev.runwright.operator.reconcile;

import dev.runwright.operator.config.ResyncSchedule;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a converged resource is looked at again: the configured interval plus jitter, so resources
 * created together do not resync (and spend Google quota) in bursts.
 */
public final class Resync {
  private final ResyncSchedule schedule;
  private final RandomGenerator random;

  public Resync(ResyncSchedule schedule, RandomGenerator random) {
    this.schedule = schedule;
    this.random = random;
  }

  /** The delay a reconciler returns with {@code rescheduleAfter} once a resource is converged. */
  public Duration next() {
    return schedule.nextDelay(random);
  }

  /** The longest a resource can go without a reconcile, JOSDK's safety net behind {@link #next}. */
  public Duration longest() {
    return schedule
        .interval()
        .plusMillis(Math.round(schedule.interval().toMillis() * schedule.jitterFraction()));
  }
}
