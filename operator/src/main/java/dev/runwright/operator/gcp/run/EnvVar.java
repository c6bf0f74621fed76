package dev.runwright.operator.gcp.run;

import java.util.Objects;

/** An environment variable of a container: a literal value or a pinned Secret Manager version. */
public sealed interface EnvVar {

  String name();

  /** A plain value. */
  record Literal(String name, String value) implements EnvVar {
    public Literal {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A Secret Manager version resolved by Cloud Run at start-up; the value never passes through the
   * operator.
   *
   * @param secret {@code projects/{p}/secrets/{s}} or a secret id of the same project
   * @param version a version number, or {@code latest} (which the operator avoids: it pins
   *     versions)
   */
  record FromSecret(String name, String secret, String version) implements EnvVar {
    public FromSecret {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(version, "version");
    }
  }
}
