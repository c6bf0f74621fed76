package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.config.ApiRateLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GoogleCallsTest {

  private static final GoogleCall CALL =
      GoogleCall.of(GoogleApi.SQL_ADMIN, "instances.get", CallKind.READ);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double count(CallOutcome outcome) {
    var counter =
        registry
            .find(GoogleCallMetrics.CALLS)
            .tags("api", "sqladmin", "method", "instances.get", "outcome", outcome.label())
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void countsSuccessesAndTranslatedFailures() {
    var calls =
        new GoogleCalls(
            ClientRateLimiter.unlimited(),
            (call, failure) -> new UnavailableException(call, "down", failure),
            new GoogleCallMetrics(registry));

    assertThat(calls.run(CALL, () -> "ok")).isEqualTo("ok");
    assertThatThrownBy(
            () ->
                calls.run(
                    CALL,
                    () -> {
                      throw new java.io.IOException("connection reset");
                    }))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("Cloud SQL Admin instances.get: down")
        .hasCauseInstanceOf(java.io.IOException.class);

    assertThat(count(CallOutcome.OK)).isEqualTo(1);
    assertThat(count(CallOutcome.UNAVAILABLE)).isEqualTo(1);
  }

  @Test
  void findTurnsNotFoundIntoEmpty() {
    var calls =
        new GoogleCalls(
            ClientRateLimiter.unlimited(),
            (call, failure) -> new NotFoundException(call, "404 NOT_FOUND: gone", failure),
            new GoogleCallMetrics(registry));

    assertThat(
            calls.find(
                CALL,
                () -> {
                  throw new IllegalStateException("404");
                }))
        .isEmpty();
    assertThat(count(CallOutcome.NOT_FOUND)).isEqualTo(1);
  }

  @Test
  void aThrottledCallNeverReachesGoogleAndIsCountedAsSuch() {
    var calls =
        new GoogleCalls(
            ClientRateLimiter.shared(
                new ApiRateLimit(1), Duration.ZERO, System::nanoTime, Sleeper.SYSTEM),
            (call, failure) -> new UnavailableException(call, "down", failure),
            new GoogleCallMetrics(registry));
    AtomicInteger reached = new AtomicInteger();

    calls.run(CALL, reached::incrementAndGet);
    assertThatThrownBy(() -> calls.run(CALL, reached::incrementAndGet))
        .isInstanceOf(RateLimitedException.class);

    assertThat(reached).hasValue(1);
    assertThat(count(CallOutcome.CLIENT_THROTTLED)).isEqualTo(1);
  }
}
