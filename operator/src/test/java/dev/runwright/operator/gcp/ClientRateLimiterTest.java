package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.config.ApiRateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper =
      duration -> {
        sleeps.add(duration);
        now.addAndGet(duration.toNanos());
      };

  private static GoogleCall write(String region) {
    return GoogleCall.inRegion(GoogleApi.CLOUD_RUN, "updateService", CallKind.WRITE, region);
  }

  private static GoogleCall read(String region) {
    return GoogleCall.inRegion(GoogleApi.CLOUD_RUN, "getService", CallKind.READ, region);
  }

  @Test
  void aBurstUpToTheMinuteBudgetGoesAtOnceThenCallsAreSpacedOut() {
    var limiter =
        ClientRateLimiter.perRegion(
            new ApiRateLimit(600), new ApiRateLimit(60), Duration.ofSeconds(2), now::get, sleeper);

    for (int i = 0; i < 60; i++) {
      limiter.acquire(write("europe-west1"));
    }
    assertThat(sleeps).isEmpty();

    limiter.acquire(write("europe-west1"));
    limiter.acquire(write("europe-west1"));

    // 60 per minute: one token per second.
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void refusesWithRetryAfterWhenBudgetWouldTakeLongerThanTheMaximumWait() {
    var limiter =
        ClientRateLimiter.perRegion(
            new ApiRateLimit(600), new ApiRateLimit(60), Duration.ofMillis(500), now::get, sleeper);
    for (int i = 0; i < 60; i++) {
      limiter.acquire(write("europe-west1"));
    }

    assertThatThrownBy(() -> limiter.acquire(write("europe-west1")))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.clientSide()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            });
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    limiter.acquire(write("europe-west1"));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void cloudRunBudgetsAreSeparatePerRegionAndForReadsAndWrites() {
    var limiter =
        ClientRateLimiter.perRegion(
            new ApiRateLimit(2), new ApiRateLimit(1), Duration.ZERO, now::get, sleeper);

    limiter.acquire(write("europe-west1"));
    limiter.acquire(write("us-central1"));
    limiter.acquire(read("europe-west1"));
    limiter.acquire(read("europe-west1"));

    assertThatThrownBy(() -> limiter.acquire(write("europe-west1")))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> limiter.acquire(read("europe-west1")))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void aSharedBudgetCountsEveryCall() {
    var limiter = ClientRateLimiter.shared(new ApiRateLimit(2), Duration.ZERO, now::get, sleeper);
    GoogleCall get = GoogleCall.of(GoogleApi.SQL_ADMIN, "instances.get", CallKind.READ);
    GoogleCall insert = GoogleCall.of(GoogleApi.SQL_ADMIN, "instances.insert", CallKind.CREATE);

    limiter.acquire(get);
    limiter.acquire(insert);

    assertThatThrownBy(() -> limiter.acquire(get)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void budgetRefillsOverTimeButNeverAboveOneMinutesWorth() {
    var limiter = ClientRateLimiter.shared(new ApiRateLimit(2), Duration.ZERO, now::get, sleeper);
    GoogleCall get = GoogleCall.of(GoogleApi.SECRET_MANAGER, "getSecret", CallKind.READ);
    limiter.acquire(get);
    limiter.acquire(get);

    now.addAndGet(Duration.ofHours(1).toNanos());

    limiter.acquire(get);
    limiter.acquire(get);
    assertThatThrownBy(() -> limiter.acquire(get)).isInstanceOf(RateLimitedException.class);
  }
}
