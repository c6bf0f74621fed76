package dev.runwright.operator.reconcile;

import dev.runwright.operator.gcp.RateLimitedException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;

/**
 * When a reconcile that failed transiently (Google 429/5xx, timeouts, conflicts) runs again:
 * exponential backoff from 1 s, doubling, at most 60 s (the failure backoff of Crossplane's
 * controllers), without a limit of attempts, so a resource is looked at within a minute of Google
 * being healthy again; and never before a rate limit's {@code Retry-After}, whether Google sent it
 * or the client-side limiter computed it.
 */
public final class RetrySchedule {
  public static final Duration FIRST = Duration.ofSeconds(1);
  public static final Duration LONGEST = Duration.ofSeconds(60);

  private RetrySchedule() {}

  /** The backoff JOSDK applies to every controller. */
  public static GenericRetry backoff() {
    return new GenericRetry()
        .setInitialInterval(FIRST)
        .setIntervalMultiplier(2)
        .setMaxInterval(LONGEST.toMillis())
        .withoutMaxAttempts();
  }

  /**
   * The delay the backoff gives after {@code failuresBefore} failed attempts of the current streak
   * (what JOSDK's {@link RetryInfo#getAttemptCount()} says while a failure is handled).
   */
  public static Duration backoffAfter(int failuresBefore) {
    RetryExecution execution = backoff().initExecution();
    long delay = FIRST.toMillis();
    for (int i = 0; i <= failuresBefore; i++) {
      delay = execution.nextDelay().orElseThrow();
    }
    return Duration.ofMillis(delay);
  }

  /**
   * A rate limit's hint when it is later than the backoff would wait; empty when the backoff
   * applies.
   */
  public static Optional<Duration> retryAfter(Exception failure, Optional<RetryInfo> retry) {
    if (!(failure instanceof RateLimitedException limited)) {
      return Optional.empty();
    }
    Duration backoff = backoffAfter(retry.map(RetryInfo::getAttemptCount).orElse(0));
    return limited.retryAfter().filter(hint -> hint.compareTo(backoff) > 0);
  }

  /**
   * What {@code updateErrorStatus} returns: {@code control} (JOSDK's backoff), or, when a rate
   * limit asks for a longer wait, the same status patch with the retry scheduled at that wait
   * instead. JOSDK then starts the backoff afresh after it; the next failure waits at least 1 s.
   */
  public static <R extends HasMetadata> ErrorStatusUpdateControl<R> honourRetryAfter(
      ErrorStatusUpdateControl<R> control, Exception failure, Optional<RetryInfo> retry) {
    Optional<Duration> wait = retryAfter(failure, retry);
    if (wait.isEmpty()) {
      return control;
    }
    return control.withNoRetry().rescheduleAfter(wait.get());
  }
}
