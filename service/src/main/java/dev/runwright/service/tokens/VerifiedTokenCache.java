package dev.runwright.service.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers access tokens whose signature already verified. A client sends the same access token
 * for up to its whole lifetime, and an ES256 verification costs a few hundred microseconds, several
 * times the rest of {@code GET /users/me}. The signature covers the exact token string, so a hit
 * only needs the time checks again. Bounded; cleared when full.
 */
final class VerifiedTokenCache {
  private static final int MAX_ENTRIES = 50_000;

  private final Map<String, VerifiedToken> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration skew;

  VerifiedTokenCache(Clock clock, Duration skew) {
    this.clock = clock;
    this.skew = skew;
  }

  /** The cached claims if the token verified before and has not expired since. */
  Optional<VerifiedToken> get(String token) {
    VerifiedToken cached = entries.get(token);
    if (cached == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(cached.expiresAt().plus(skew))) {
      entries.remove(token);
      return Optional.empty();
    }
    return Optional.of(cached);
  }

  void put(String token, VerifiedToken verified) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(token, verified);
  }
}
