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
  void aTenthOfTheQuotaGoesAtOnceThenCallsAreSpacedOut() {
    var limiter =
        ClientRateLimiter.perRegion(
            new ApiRateLimit(600), new ApiRateLimit(60), Duration.ofSeconds(2), now::get, sleeper);

    for (int i = 0; i < 6; i++) {
      limiter.acquire(write("europe-west1"));
    }
    assertThat(sleeps).isEmpty();

    limiter.acquire(write("europe-west1"));
    limiter.acquire(write("europe-west1"));

    // The other 54 of the 60 per minute are spread evenly: one every 60/54 s.
    assertThat(sleeps)
        .hasSize(2)
        .allSatisfy(
            wait -> assertThat(wait).isBetween(Duration.ofMillis(1111), Duration.ofMillis(1112)));
  }

  @Test
  void noSlidingMinuteCarriesMoreThanTheQuota() {
    var limiter =
        ClientRateLimiter.shared(new ApiRateLimit(180), Duration.ofMinutes(10), now::get, sleeper);
    GoogleCall get = GoogleCall.of(GoogleApi.SQL_ADMIN, "instances.get", CallKind.READ);
    List<Long> callTimes = new ArrayList<>();

    for (int i = 0; i < 600; i++) {
      limiter.acquire(get);
      callTimes.add(now.get());
    }

    long minute = Duration.ofMinutes(1).toNanos();
    int busiest = 0;
    for (int first = 0; first < callTimes.size(); first++) {
      int inWindow = 0;
      for (int i = first;
          i < callTimes.size() && callTimes.get(i) < callTimes.get(first) + minute;
          i++) {
        inWindow++;
      }
      busiest = Math.max(busiest, inWindow);
    }
    assertThat(busiest).as("busiest sliding minute").isBetween(179, 180);
    // ...and the limit costs no more time than it must: 600 calls take about (600 - 18) / 162 min.
    assertThat(Duration.ofNanos(now.get()))
        .isBetween(Duration.ofSeconds(215), Duration.ofSeconds(216));
  }

  @Test
  void refusesWithRetryAfterWhenBudgetWouldTakeLongerThanTheMaximumWait() {
    var limiter =
        ClientRateLimiter.perRegion(
            new ApiRateLimit(600), new ApiRateLimit(60), Duration.ofMillis(500), now::get, sleeper);
    for (int i = 0; i < 6; i++) {
      limiter.acquire(write("europe-west1"));
    }

    assertThatThrownBy(() -> limiter.acquire(write("europe-west1")))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.clientSide()).isTrue();
              assertThat(e.retryAfter())
                  .hasValueSatisfying(
                      wait ->
                          assertThat(wait)
                              .isBetween(Duration.ofMillis(1111), Duration.ofMillis(1112)));
            });
    now.addAndGet(Duration.ofMillis(1112).toNanos());
    limiter.acquire(write("europe-west1"));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void cloudRunBudgetsAreSeparatePerRegionAndForReadsAndWrites() {
    var limiter =
        ClientRateLimiter.perRegion(
            new ApiRateLimit(20), new ApiRateLimit(10), Duration.ZERO, now::get, sleeper);

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
    var limiter = ClientRateLimiter.shared(new ApiRateLimit(20), Duration.ZERO, now::get, sleeper);
    GoogleCall get = GoogleCall.of(GoogleApi.SQL_ADMIN, "instances.get", CallKind.READ);
    GoogleCall insert = GoogleCall.of(GoogleApi.SQL_ADMIN, "instances.insert", CallKind.CREATE);

    limiter.acquire(get);
    limiter.acquire(insert);

    assertThatThrownBy(() -> limiter.acquire(get)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void budgetRefillsOverTimeButNeverAboveTheBurst() {
    var limiter = ClientRateLimiter.shared(new ApiRateLimit(20), Duration.ZERO, now::get, sleeper);
    GoogleCall get = GoogleCall.of(GoogleApi.SECRET_MANAGER, "getSecret", CallKind.READ);
    limiter.acquire(get);
    limiter.acquire(get);

    now.addAndGet(Duration.ofHours(1).toNanos());

    limiter.acquire(get);
    limiter.acquire(get);
    assertThatThrownBy(() -> limiter.acquire(get)).isInstanceOf(RateLimitedException.class);
  }
}
