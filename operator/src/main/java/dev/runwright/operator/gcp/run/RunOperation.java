package dev.runwright.operator.gcp.run;

import java.util.Objects;
import java.util.Optional;

/**
 * A Cloud Run long-running operation as last read.
 *
 * @param resource the full name of the service, job or execution the operation is about, when
 *     reported
 * @param error set when the operation finished with an error
 */
public record RunOperation(
    RunOperationName name,
    boolean done,
    Optional<String> resource,
    Optional<OperationError> error) {

  public RunOperation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(error, "error");
  }

  public boolean succeeded() {
    return done && error.isEmpty();
  }

  /**
   * The error a finished operation reports.
   *
   * @param code the google.rpc code number, e.g. 9 FAILED_PRECONDITION
   */
  public record OperationError(int code, String message) {
    public OperationError {
      Objects.requireNonNull(message, "message");
    }
  }
}
