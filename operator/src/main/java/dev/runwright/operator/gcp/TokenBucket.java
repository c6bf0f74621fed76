package dev.runwright.operator.gcp;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket sized so that no sliding minute carries more than {@code perMinute} calls, which
 * is how Google counts its quotas: a tenth of the quota may go at once (the burst), the rest
 * refills evenly over the minute, so burst plus one minute's refill is the quota. A caller reserves
 * a token and is told how long to wait for it; tokens may be reserved ahead (the balance goes
 * negative), so waiting callers are served in order without polling.
 */
final class TokenBucket {

  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  TokenBucket(int perMinute, LongSupplier nanoClock) {
    int burst = burstOf(perMinute);
    this.capacity = burst;
    // A limit of 1 per minute still refills (its burst is that one call).
    this.tokensPerNano = Math.max(perMinute - burst, 1) / (double) NANOS_PER_MINUTE;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Calls that may go at once: a tenth of the per-minute quota, at least one. */
  static int burstOf(int perMinute) {
    return Math.max(1, perMinute / 10);
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
