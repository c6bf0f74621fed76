package dev.runwright.operator.gcp;

import java.time.Duration;
import java.util.Optional;

/**
 * Google answered 429 (quota exhausted), or the client-side rate limit had no budget within its
 * wait. Retry no sooner than {@link #retryAfter()} when it is known.
 */
public final class RateLimitedException extends GoogleApiException {

  private final Optional<Duration> retryAfter;
  private final boolean clientSide;

  public RateLimitedException(
      GoogleCall call,
      String message,
      Optional<Duration> retryAfter,
      boolean clientSide,
      Throwable cause) {
    super(call, message, cause);
    this.retryAfter = retryAfter;
    this.clientSide = clientSide;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** Whether the operator's own limiter refused the call, so it never reached Google. */
  public boolean clientSide() {
    return clientSide;
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
