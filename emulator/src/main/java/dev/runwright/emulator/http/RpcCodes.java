package dev.runwright.emulator.http;

import java.util.Map;

/** Canonical google.rpc.Code names and numbers, and the HTTP status Google maps each to. */
public final class RpcCodes {
  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("OK", 0),
          Map.entry("CANCELLED", 1),
          Map.entry("UNKNOWN", 2),
          Map.entry("INVALID_ARGUMENT", 3),
          Map.entry("DEADLINE_EXCEEDED", 4),
          Map.entry("NOT_FOUND", 5),
          Map.entry("ALREADY_EXISTS", 6),
          Map.entry("PERMISSION_DENIED", 7),
          Map.entry("RESOURCE_EXHAUSTED", 8),
          Map.entry("FAILED_PRECONDITION", 9),
          Map.entry("ABORTED", 10),
          Map.entry("OUT_OF_RANGE", 11),
          Map.entry("UNIMPLEMENTED", 12),
          Map.entry("INTERNAL", 13),
          Map.entry("UNAVAILABLE", 14),
          Map.entry("DATA_LOSS", 15),
          Map.entry("UNAUTHENTICATED", 16));

  private RpcCodes() {}

  public static int number(String status) {
    return NUMBERS.getOrDefault(status, 2);
  }

  /** The status name Google pairs with an HTTP status in its error bodies. */
  public static String statusForHttp(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 412 -> "FAILED_PRECONDITION";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 501 -> "UNIMPLEMENTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> httpStatus >= 500 ? "INTERNAL" : "UNKNOWN";
    };
  }

  /** Cloud SQL's legacy {@code errors[].reason} for an HTTP status. */
  public static String legacyReasonForHttp(int httpStatus) {
    return switch (httpStatus) {
      case 429 -> "rateLimitExceeded";
      case 503 -> "backendError";
      case 500 -> "internalError";
      case 504 -> "deadlineExceeded";
      default -> "unknown";
    };
  }
}
