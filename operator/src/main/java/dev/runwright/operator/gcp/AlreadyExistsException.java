package dev.runwright.operator.gcp;

/** A create found the resource already there (HTTP 409 on create); read it instead. */
public final class AlreadyExistsException extends GoogleApiException {

  public AlreadyExistsException(GoogleCall call, String message, Throwable cause) {
    super(call, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
