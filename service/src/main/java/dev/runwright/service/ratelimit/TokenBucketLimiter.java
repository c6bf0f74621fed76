package dev.runwright.service.ratelimit;

import dev.runwright.service.config.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an account or a client address): {@code attempts} tokens, refilled evenly
 * over {@code period}. In memory and per instance: with N Cloud Run instances a client gets at most
 * N times the limit, which still caps online guessing.
 */
public final class TokenBucketLimiter {
  /** Bounds memory under a flood of distinct keys; full buckets are dropped first. */
  private static final int MAX_KEYS = 100_000;

  private final double capacity;
  private final double tokensPerNano;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBucketLimiter(RateLimit limit, Clock clock) {
    this.capacity = limit.attempts();
    this.tokensPerNano = limit.attempts() / (double) limit.period().toNanos();
    this.clock = clock;
  }

  /** Takes one token; returns how long to wait when the bucket is empty. */
  public Optional<Duration> tryAcquire(String key) {
    long now = nanos();
    if (buckets.size() >= MAX_KEYS) {
      evictFull(now);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.refill(now, capacity, tokensPerNano);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) ((1 - bucket.tokens) / tokensPerNano)));
    }
  }

  /** How long until one token is available, without taking it. */
  public Optional<Duration> waitTime(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return Optional.empty();
    }
    synchronized (bucket) {
      bucket.refill(nanos(), capacity, tokensPerNano);
      return bucket.tokens >= 1
          ? Optional.empty()
          : Optional.of(Duration.ofNanos((long) ((1 - bucket.tokens) / tokensPerNano)));
    }
  }

  /** Forgets the key (e.g. after a successful login the account's failures no longer count). */
  public void reset(String key) {
    buckets.remove(key);
  }

  private long nanos() {
    Duration sinceEpoch = Duration.between(java.time.Instant.EPOCH, clock.instant());
    return sinceEpoch.toNanos();
  }

  private void evictFull(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      synchronized (bucket) {
        bucket.refill(now, capacity, tokensPerNano);
        if (bucket.tokens >= capacity) {
          it.remove();
        }
      }
    }
    if (buckets.size() >= MAX_KEYS) {
      buckets.clear(); // only under an attack with more live keys than the bound
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    void refill(long now, double capacity, double perNano) {
      if (now > updated) {
        tokens = Math.min(capacity, tokens + (now - updated) * perNano);
        updated = now;
      }
    }
  }
}
