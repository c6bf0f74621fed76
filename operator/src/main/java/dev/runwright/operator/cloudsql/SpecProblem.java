package dev.runwright.operator.cloudsql;

/**
 * The spec (or the world it points at) cannot be acted on until someone changes it: the resource
 * goes Stalled with this reason and message, and is not retried in a loop.
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
