package dev.runwright.service.auth;

import java.time.Duration;
import java.util.Optional;

/** An expected refusal; {@link Reason} decides the HTTP status, the message is safe to show. */
public final class AuthException extends Exception {
  /** Why the request was refused. */
  public enum Reason {
    INVALID_INPUT,
    INVALID_CREDENTIALS,
    INVALID_TOKEN,
    TOKEN_REUSED,
    USERNAME_TAKEN,
    RATE_LIMITED
  }

  private final Reason reason;
  private final Optional<Duration> retryAfter;

  public AuthException(Reason reason, String message) {
    this(reason, message, Optional.empty());
  }

  public AuthException(Reason reason, String message, Optional<Duration> retryAfter) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
