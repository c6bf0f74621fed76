package dev.runwright.operator.gcp;

/**
 * A failed Google API call, translated from the client's own exception types. Subtypes say what the
 * caller should do; {@link #isTransient()} says whether retrying later can help. Messages carry
 * Google's message, never a secret.
 */
public abstract sealed class GoogleApiException extends RuntimeException
    permits NotFoundException,
        AlreadyExistsException,
        ConflictException,
        RateLimitedException,
        UnavailableException,
        InvalidRequestException,
        PermissionDeniedException {

  private final GoogleCall call;

  protected GoogleApiException(GoogleCall call, String message, Throwable cause) {
    super(call.describe() + ": " + message, cause);
    this.call = call;
  }

  public GoogleCall call() {
    return call;
  }

  /** Whether the same call may succeed later without a change of spec. */
  public abstract boolean isTransient();
}
