package dev.runwright.operator.gcp;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket that refills continuously at {@code perMinute} tokens per minute, holding at most
 * {@code perMinute} tokens (a full minute's burst). A caller reserves a token and is told how long
 * to wait for it; tokens may be reserved ahead (the balance goes negative), so waiting callers are
 * served in order without polling.
 */
final class TokenBucket {

  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  TokenBucket(int perMinute, LongSupplier nanoClock) {
    this.capacity = perMinute;
    this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefill = nanoClock.getAsLong();
  }

  /**
   * Reserves one token if it is available within {@code maxWait}.
   *
   * @return the wait before the call may go (zero when a token is there), or a negative duration
   *     whose absolute value is the time until a token would be available, if that exceeds {@code
   *     maxWait}; then nothing is reserved
   */
  synchronized Duration reserve(Duration maxWait) {
    refill();
    double deficit = 1 - tokens;
    long waitNanos = deficit <= 0 ? 0 : (long) Math.ceil(deficit / tokensPerNano);
    if (waitNanos > maxWait.toNanos()) {
      return Duration.ofNanos(-waitNanos);
    }
    tokens -= 1;
    return Duration.ofNanos(waitNanos);
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
    lastRefill = now;
  }
}
