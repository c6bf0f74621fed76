package dev.runwright.operator.gcp;

/**
 * The resource changed concurrently (stale etag) or is busy with another operation; re-read and
 * retry.
 */
public final class ConflictException extends GoogleApiException {

  public ConflictException(GoogleCall call, String message, Throwable cause) {
    super(call, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
