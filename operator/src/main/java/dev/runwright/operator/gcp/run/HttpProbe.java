package dev.runwright.operator.gcp.run;

import java.util.Objects;

/**
 * An HTTP probe of a service's container, e.g. a startup probe on {@code /readyz} so a revision
 * only becomes ready once its schema is there. Zero values take Cloud Run's defaults.
 *
 * @param port 0 probes the container's serving port
 */
public record HttpProbe(
    String path,
    int port,
    int initialDelaySeconds,
    int periodSeconds,
    int timeoutSeconds,
    int failureThreshold) {

  public HttpProbe {
    Objects.requireNonNull(path, "path");
    if (port < 0
        || initialDelaySeconds < 0
        || periodSeconds < 0
        || timeoutSeconds < 0
        || failureThreshold < 0) {
      throw new IllegalArgumentException("probe settings cannot be negative");
    }
  }

  /** A probe of {@code path} on the serving port with Cloud Run's default timing. */
  public static HttpProbe of(String path) {
    return new HttpProbe(path, 0, 0, 0, 0, 0);
  }
}
