package dev.runwright.operator.gcp.run;

import java.util.Objects;

/**
 * A token on job create or update that makes Cloud Run start one execution for it: the same token
 * never starts a second one, a natural idempotency key for "one execution per release".
 *
 * @param waitForCompletion {@code true} sends {@code runExecutionToken} (the job is ready when the
 *     execution has completed), {@code false} sends {@code startExecutionToken} (ready when it has
 *     started)
 */
public record ExecutionToken(String value, boolean waitForCompletion) {
  public ExecutionToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an execution token cannot be blank");
    }
  }
}
