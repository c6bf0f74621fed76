package dev.runwright.emulator.http;

import java.util.List;

/**
 * An error the emulated API answers with, carrying what Google puts in its JSON error body: HTTP
 * status, canonical status name, message, Cloud SQL's legacy {@code errors[].reason} and field
 * violations for bad input.
 */
public final class ApiException extends RuntimeException {
  private final int httpStatus;
  private final String status;
  private final String reason;
  private final List<FieldViolation> violations;

  /** One offending request field, rendered as a {@code google.rpc.BadRequest} detail. */
  public record FieldViolation(String field, String description) {}

  private ApiException(
      int httpStatus,
      String status,
      String message,
      String reason,
      List<FieldViolation> violations) {
    super(message);
    this.httpStatus = httpStatus;
    this.status = status;
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  public static ApiException of(int httpStatus, String status, String message, String reason) {
    return new ApiException(httpStatus, status, message, reason, List.of());
  }

  public static ApiException invalidArgument(String field, String message) {
    return new ApiException(
        400,
        "INVALID_ARGUMENT",
        message,
        "invalid",
        field == null ? List.of() : List.of(new FieldViolation(field, message)));
  }

  public static ApiException failedPrecondition(String message) {
    return of(400, "FAILED_PRECONDITION", message, "failedPrecondition");
  }

  public static ApiException notFound(String message) {
    return of(404, "NOT_FOUND", message, "notFound");
  }

  public static ApiException alreadyExists(String message) {
    return of(409, "ALREADY_EXISTS", message, "alreadyExists");
  }

  /** A stale etag: Google answers 409 ABORTED. */
  public static ApiException aborted(String message) {
    return of(409, "ABORTED", message, "aborted");
  }

  public ApiException withReason(String legacyReason) {
    return new ApiException(httpStatus, status, getMessage(), legacyReason, violations);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /**
   * The google.rpc.Code number of {@link #status()}, used for errors inside finished operations.
   */
  public int rpcCode() {
    return RpcCodes.number(status);
  }
}
