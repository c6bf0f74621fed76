package dev.runwright.operator.gcp.run;

import java.util.Objects;
import java.util.Optional;

/**
 * A job run that Cloud Run accepted: the operation to read later and, when the operation already
 * names it, the execution it created.
 */
public record StartedExecution(RunOperationName operation, Optional<ExecutionName> execution) {
  public StartedExecution {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(execution, "execution");
  }
}
