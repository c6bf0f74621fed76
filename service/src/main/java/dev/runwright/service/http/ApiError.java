package dev.runwright.service.http;

import java.time.Duration;
import java.util.Optional;

/**
 * An error answer. Every error body has the same shape, which is also OAuth 2.0's (RFC 6749 section
 * 5.2): {@code {"error": CODE, "error_description": TEXT, "status": N}}.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final Optional<Duration> retryAfter;

  public ApiError(int status, String code, String description) {
    this(status, code, description, Optional.empty());
  }

  public ApiError(int status, String code, String description, Optional<Duration> retryAfter) {
    super(description, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** The JSON body, fields in a stable order. */
  public java.util.Map<String, Object> body() {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", getMessage());
    body.put("status", status);
    return body;
  }
}
