package dev.runwright.operator.config;

/**
 * A client-side budget of calls per minute to one Google API (or one class of its calls).
 *
 * @param perMinute calls allowed in any sliding minute; a tenth of it may go at once
 */
public record ApiRateLimit(int perMinute) {

  public ApiRateLimit {
    if (perMinute < 1) {
      throw new IllegalArgumentException("a rate limit must allow at least 1 call per minute");
    }
  }
}
