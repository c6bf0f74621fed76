package dev.runwright.operator.gcp;

/**
 * Google could not be reached or answered with a server error, a timeout or an unreadable response.
 */
public final class UnavailableException extends GoogleApiException {

  public UnavailableException(GoogleCall call, String message, Throwable cause) {
    super(call, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
