package dev.runwright.operator.gcp.sql;

import java.util.List;
import java.util.Objects;

/**
 * A Cloud SQL operation as last read. It has no {@code done} flag: it is finished when {@link
 * #status()} is {@code DONE}, and failed when it also has errors.
 *
 * @param operationType e.g. {@code CREATE}, {@code UPDATE}, {@code CREATE_DATABASE}
 * @param targetId the instance the operation works on
 */
public record SqlOperation(
    SqlOperationName name,
    Status status,
    String operationType,
    String targetId,
    List<OperationError> errors) {

  public SqlOperation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(operationType, "operationType");
    Objects.requireNonNull(targetId, "targetId");
    errors = List.copyOf(errors);
  }

  public boolean done() {
    return status == Status.DONE;
  }

  public boolean failed() {
    return done() && !errors.isEmpty();
  }

  /** Cloud SQL operation states. */
  public enum Status {
    PENDING,
    RUNNING,
    DONE,
    UNKNOWN
  }

  /** One error of a failed operation, e.g. {@code INVALID_TIER}. */
  public record OperationError(String code, String message) {
    public OperationError {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
