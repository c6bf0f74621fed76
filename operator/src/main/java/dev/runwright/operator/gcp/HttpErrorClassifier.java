package dev.runwright.operator.gcp;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which {@link GoogleApiException} an HTTP error response means, from its status code,
 * Google's error body and the kind of call. Shared by the adapters of every client library, so all
 * APIs are read the same way.
 */
public final class HttpErrorClassifier {

  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded");
  private static final Set<String> EXISTS_REASONS =
      Set.of("alreadyExists", "instanceAlreadyExists");

  private HttpErrorClassifier() {}

  /**
   * @param httpStatus the response's status code
   * @param body Google's error body (possibly empty)
   * @param retryAfter the parsed {@code Retry-After} header, if any
   * @param cause the client's exception, kept as the cause
   */
  public static GoogleApiException classify(
      GoogleCall call,
      int httpStatus,
      GoogleErrorBody body,
      Optional<Duration> retryAfter,
      Throwable cause) {
    String message =
        httpStatus
            + body.status().map(s -> " " + s).orElse("")
            + ": "
            + body.message().orElse("(no error message in the response)");
    String status = body.status().orElse("");
    if (httpStatus == 429
        || status.equals("RESOURCE_EXHAUSTED")
        || body.reasons().stream().anyMatch(RATE_LIMIT_REASONS::contains)) {
      return new RateLimitedException(call, message, retryAfter, false, cause);
    }
    return switch (httpStatus) {
      case 401, 403 -> new PermissionDeniedException(call, message, cause);
      case 404 -> new NotFoundException(call, message, cause);
      case 409 -> conflict(call, status, body, message, cause);
      case 412 -> new ConflictException(call, message, cause);
      case 408 -> new UnavailableException(call, message, cause);
      default ->
          httpStatus >= 500
              ? new UnavailableException(call, message, cause)
              : new InvalidRequestException(call, message, cause);
    };
  }

  // The GAPIC REST clients pick their exception from the HTTP status alone, so a 409 is read from
  // the body
  // first, and only then from the kind of call: on a create it can only mean "already exists".
  private static GoogleApiException conflict(
      GoogleCall call, String status, GoogleErrorBody body, String message, Throwable cause) {
    boolean exists =
        status.equals("ALREADY_EXISTS")
            || body.reasons().stream().anyMatch(EXISTS_REASONS::contains)
            || (status.isEmpty() && body.reasons().isEmpty() && call.kind() == CallKind.CREATE);
    return exists
        ? new AlreadyExistsException(call, message, cause)
        : new ConflictException(call, message, cause);
  }
}
