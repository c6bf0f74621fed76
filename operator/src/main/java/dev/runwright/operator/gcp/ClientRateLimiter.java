package dev.runwright.operator.gcp;

import dev.runwright.operator.config.ApiRateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Client-side rate limit for one Google API, so bursts (many resources applied at once) stay under
 * Google's quotas instead of provoking 429 storms. A call waits briefly for budget; when none comes
 * within the maximum wait it fails with a {@link RateLimitedException} carrying the time after
 * which to retry.
 */
public final class ClientRateLimiter {

  private final ApiRateLimit reads;
  private final ApiRateLimit writes;
  private final boolean separateReadsAndWrites;
  private final boolean perRegion;
  private final Duration maxWait;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  private ClientRateLimiter(
      ApiRateLimit reads,
      ApiRateLimit writes,
      boolean separateReadsAndWrites,
      boolean perRegion,
      Duration maxWait,
      LongSupplier nanoClock,
      Sleeper sleeper) {
    this.reads = reads;
    this.writes = writes;
    this.separateReadsAndWrites = separateReadsAndWrites;
    this.perRegion = perRegion;
    this.maxWait = maxWait;
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** One budget shared by every call of the API (SQL Admin, Secret Manager). */
  public static ClientRateLimiter shared(
      ApiRateLimit limit, Duration maxWait, LongSupplier nanoClock, Sleeper sleeper) {
    return new ClientRateLimiter(limit, limit, false, false, maxWait, nanoClock, sleeper);
  }

  /** Separate read and write budgets per region (Cloud Run Admin's quotas are per region). */
  public static ClientRateLimiter perRegion(
      ApiRateLimit reads,
      ApiRateLimit writes,
      Duration maxWait,
      LongSupplier nanoClock,
      Sleeper sleeper) {
    return new ClientRateLimiter(reads, writes, true, true, maxWait, nanoClock, sleeper);
  }

  /** A limiter that never limits, for callers with no quota to protect. */
  public static ClientRateLimiter unlimited() {
    ApiRateLimit huge = new ApiRateLimit(Integer.MAX_VALUE);
    return new ClientRateLimiter(
        huge, huge, false, false, Duration.ZERO, System::nanoTime, Sleeper.SYSTEM);
  }

  /**
   * Takes budget for {@code call}, waiting at most the configured maximum.
   *
   * @throws RateLimitedException if no budget comes within the wait (nothing is taken then)
   * @throws UnavailableException if the thread is interrupted while waiting
   */
  public void acquire(GoogleCall call) {
    Duration wait = bucketFor(call).reserve(maxWait);
    if (wait.isNegative()) {
      throw new RateLimitedException(
          call,
          "client-side rate limit reached, retry in " + wait.negated().toMillis() + " ms",
          Optional.of(wait.negated()),
          true,
          null);
    }
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(call, "interrupted while waiting for rate-limit budget", e);
    }
  }

  private TokenBucket bucketFor(GoogleCall call) {
    boolean write = separateReadsAndWrites && call.kind() != CallKind.READ;
    String key =
        (write ? "write" : "read") + (perRegion ? "@" + call.region().orElse("global") : "");
    ApiRateLimit limit = write ? writes : reads;
    return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.perMinute(), nanoClock));
  }
}
