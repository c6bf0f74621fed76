package dev.runwright.operator.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Optional base URLs replacing Google's endpoints, per API (used for the emulator). An API with an
 * override is called without credentials; one without uses Application Default Credentials.
 */
public record GoogleEndpoints(
    Optional<URI> cloudRun, Optional<URI> sqlAdmin, Optional<URI> secretManager) {

  public GoogleEndpoints {
    Objects.requireNonNull(cloudRun, "cloudRun");
    Objects.requireNonNull(sqlAdmin, "sqlAdmin");
    Objects.requireNonNull(secretManager, "secretManager");
  }

  /** Google's own endpoints for every API. */
  public static GoogleEndpoints google() {
    return new GoogleEndpoints(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same base URL for all three APIs, as the emulator serves them. */
  public static GoogleEndpoints allAt(URI base) {
    return new GoogleEndpoints(Optional.of(base), Optional.of(base), Optional.of(base));
  }
}
