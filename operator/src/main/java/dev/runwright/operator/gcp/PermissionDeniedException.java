package dev.runwright.operator.gcp;

/** The operator's identity may not make this call; fixing IAM, not retrying, helps. */
public final class PermissionDeniedException extends GoogleApiException {

  public PermissionDeniedException(GoogleCall call, String message, Throwable cause) {
    super(call, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
