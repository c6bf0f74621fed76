package dev.runwright.operator.gcp;

/** Google rejected the request as invalid; retrying the same request cannot help. */
public final class InvalidRequestException extends GoogleApiException {

  public InvalidRequestException(GoogleCall call, String message, Throwable cause) {
    super(call, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
