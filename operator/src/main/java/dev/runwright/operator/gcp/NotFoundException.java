package dev.runwright.operator.gcp;

/** The resource does not exist. On delete this is success. */
public final class NotFoundException extends GoogleApiException {

  public NotFoundException(GoogleCall call, String message, Throwable cause) {
    super(call, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
