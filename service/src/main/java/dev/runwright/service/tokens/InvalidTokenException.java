package dev.runwright.service.tokens;

/** The token failed verification; the reason is for logs, never for the client. */
public final class InvalidTokenException extends Exception {
  public InvalidTokenException(String reason) {
    super(reason);
  }
}
