package dev.runwright.emulator.local;

/**
 * A container cannot be started (image unknown, secret missing): its message is what Cloud Run
 * would show in the revision's or execution's condition.
 */
final class LaunchException extends RuntimeException {
  LaunchException(String message) {
    super(message);
  }
}
