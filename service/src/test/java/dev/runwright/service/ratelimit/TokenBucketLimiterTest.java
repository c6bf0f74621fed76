package dev.runwright.service.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.service.config.RateLimit;
import dev.runwright.service.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {
  private final MutableClock clock = MutableClock.startingNow();
  private final TokenBucketLimiter limiter =
      new TokenBucketLimiter(new RateLimit(3, Duration.ofMinutes(3)), clock);

  @Test
  void allowsTheBurstThenSaysHowLongToWait() {
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a"))
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60)));
    assertThat(limiter.tryAcquire("b")).isEmpty();
    clock.advance(Duration.ofSeconds(61));
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isPresent();
  }

  @Test
  void waitTimeDoesNotConsumeAndResetForgets() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("a");
    }
    assertThat(limiter.waitTime("a")).isPresent();
    assertThat(limiter.waitTime("unknown")).isEmpty();
    limiter.reset("a");
    assertThat(limiter.waitTime("a")).isEmpty();
  }
}
