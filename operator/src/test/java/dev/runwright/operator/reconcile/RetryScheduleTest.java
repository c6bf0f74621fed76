package dev.runwright.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.gcp.CallKind;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.RateLimitedException;
import dev.runwright.operator.gcp.UnavailableException;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final GoogleCall CALL =
      GoogleCall.of(GoogleApi.SQL_ADMIN, "getInstance", CallKind.READ);

  @Test
  void backoffDoublesFromOneSecondToAMinuteAndNeverGivesUp() {
    RetryExecution execution = RetrySchedule.backoff().initExecution();
    List<Long> seconds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      seconds.add(execution.nextDelay().orElseThrow() / 1000);
    }
    // JOSDK repeats the first interval once before it starts doubling.
    assertThat(seconds).containsExactly(1L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    for (int i = 0; i < 10_000; i++) {
      assertThat(execution.nextDelay()).contains(60_000L);
    }
    assertThat(execution.isLastAttempt()).isFalse();
  }

  @Test
  void backoffAfterFollowsTheSameSchedule() {
    assertThat(RetrySchedule.backoffAfter(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetrySchedule.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetrySchedule.backoffAfter(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(RetrySchedule.backoffAfter(7)).isEqualTo(RetrySchedule.LONGEST);
    assertThat(RetrySchedule.backoffAfter(500)).isEqualTo(RetrySchedule.LONGEST);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffSchedulesTheRetryAtIt() {
    var limited = rateLimited(Optional.of(Duration.ofSeconds(90)), false);
    ErrorStatusUpdateControl<CloudSqlDatabase> control =
        RetrySchedule.honourRetryAfter(
            ErrorStatusUpdateControl.noStatusUpdate(), limited, attempts(7));

    assertThat(control.isNoRetry()).isTrue();
    assertThat(control.getScheduleDelay()).contains(90_000L);
  }

  @Test
  void theClientSideLimitersHintCountsLikeGooglesOwn() {
    var limited = rateLimited(Optional.of(Duration.ofSeconds(5)), true);

    assertThat(RetrySchedule.retryAfter(limited, attempts(0))).contains(Duration.ofSeconds(5));
  }

  @Test
  void aRetryAfterShorterThanTheBackoffLeavesTheBackoff() {
    var limited = rateLimited(Optional.of(Duration.ofSeconds(1)), false);
    ErrorStatusUpdateControl<CloudSqlDatabase> control =
        RetrySchedule.honourRetryAfter(
            ErrorStatusUpdateControl.noStatusUpdate(), limited, attempts(4));

    assertThat(control.isNoRetry()).isFalse();
    assertThat(control.getScheduleDelay()).isEmpty();
  }

  @Test
  void otherFailuresAndRateLimitsWithoutAHintUseTheBackoff() {
    var unavailable = new UnavailableException(CALL, "503", null);
    var noHint = rateLimited(Optional.empty(), false);

    assertThat(RetrySchedule.retryAfter(unavailable, Optional.empty())).isEmpty();
    assertThat(RetrySchedule.retryAfter(noHint, attempts(0))).isEmpty();
    assertThat(RetrySchedule.retryAfter(new IllegalStateException("bug"), attempts(0))).isEmpty();
  }

  private static RateLimitedException rateLimited(Optional<Duration> hint, boolean clientSide) {
    return new RateLimitedException(CALL, "quota", hint, clientSide, null);
  }

  private static Optional<RetryInfo> attempts(int count) {
    return Optional.of(
        new RetryInfo() {
          @Override
          public int getAttemptCount() {
            return count;
          }

          @Override
          public boolean isLastAttempt() {
            return false;
          }
        });
  }
}
