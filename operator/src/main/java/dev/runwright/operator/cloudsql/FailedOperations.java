package dev.runwright.operator.cloudsql;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a step whose Cloud SQL operation failed is tried again. Operations also fail for transient
 * reasons (an internal error on Google's side), so the step is retried without a spec change, but
 * slowly: 1 min after the first failure, doubling with each further failure at the same generation,
 * at most the resync interval. Each retry makes at most one write, never a loop. A spec change
 * retries at once (a new generation is reconciled immediately) and starts the count again.
 *
 * <p>The count lives in memory: a restarted operator retries once at once (its first reconcile) and
 * counts from 1 min again, which costs one write per restart.
 */
final class FailedOperations {
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);

  private record Streak(long generation, int failures) {}

  private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

  /**
   * Records a failure and says when to try again.
   *
   * @param resync the resource's next resync delay, the longest wait
   */
  Duration failed(HasMetadata resource, Duration resync) {
    long generation = generation(resource);
    Streak streak =
        streaks.compute(
            key(resource),
            (k, previous) ->
                previous == null || previous.generation() != generation
                    ? new Streak(generation, 1)
                    : new Streak(generation, previous.failures() + 1));
    return retryDelay(streak.failures(), resync);
  }

  /** The step succeeded, or the resource is gone: the next failure waits 1 min again. */
  void forget(HasMetadata resource) {
    streaks.remove(key(resource));
  }

  /** 1 min, 2, 4, ... after the 1st, 2nd, 3rd failure, never longer than {@code longest}. */
  static Duration retryDelay(int failures, Duration longest) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 20);
    Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
    return delay.compareTo(longest) > 0 ? longest : delay;
  }

  private static String key(HasMetadata resource) {
    String uid = resource.getMetadata().getUid();
    return uid != null
        ? uid
        : resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  private static long generation(HasMetadata resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
