package dev.runwright.operator.gcp;

import java.util.Locale;

/** How a Google call ended, as counted in metrics. */
public enum CallOutcome {
  OK,
  NOT_FOUND,
  ALREADY_EXISTS,
  CONFLICT,
  RATE_LIMITED,
  CLIENT_THROTTLED,
  UNAVAILABLE,
  INVALID,
  PERMISSION_DENIED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static CallOutcome of(GoogleApiException failure) {
    return switch (failure) {
      case NotFoundException e -> NOT_FOUND;
      case AlreadyExistsException e -> ALREADY_EXISTS;
      case ConflictException e -> CONFLICT;
      case RateLimitedException e -> e.clientSide() ? CLIENT_THROTTLED : RATE_LIMITED;
      case UnavailableException e -> UNAVAILABLE;
      case InvalidRequestException e -> INVALID;
      case PermissionDeniedException e -> PERMISSION_DENIED;
    };
  }
}
