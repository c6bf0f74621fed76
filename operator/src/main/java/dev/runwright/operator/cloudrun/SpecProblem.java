package dev.runwright.operator.cloudrun;

/**
 * A problem only a change of spec (or of a referenced resource) can fix; reported as Stalled, never
 * retried in a loop.
 */
final class SpecProblem extends RuntimeException {
  private final String reason;

  SpecProblem(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
