package dev.runwright.operator.gcp.secrets;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One version of a secret; the number in its name is what the operator pins references to. */
public record SecretVersion(SecretVersionName name, State state, Optional<Instant> createTime) {

  public SecretVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createTime, "createTime");
  }

  /** Whether a version can be read. */
  public enum State {
    ENABLED,
    DISABLED,
    DESTROYED,
    UNKNOWN
  }
}
