package dev.runwright.service.passwords;

/** Too many password hashes are running; the request is shed (503) to keep memory bounded. */
public final class HashingOverloadedException extends RuntimeException {
  public HashingOverloadedException() {
    super("too many password hashes in progress");
  }
}
