package dev.runwright.operator.gcp.sql;

import java.util.Map;
import java.util.Objects;

/**
 * A Cloud SQL instance as read from Google.
 *
 * @param connectionName {@code project:region:instance}, what Cloud Run's Cloud SQL volume and the
 *     socket path use
 * @param settingsVersion pass it back on patch so a concurrent change fails instead of being
 *     overwritten
 * @param labels the instance's user labels
 */
public record SqlInstance(
    SqlInstanceName name,
    String databaseVersion,
    String region,
    State state,
    String connectionName,
    SqlSettings settings,
    long settingsVersion,
    Map<String, String> labels) {

  public SqlInstance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(databaseVersion, "databaseVersion");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(connectionName, "connectionName");
    Objects.requireNonNull(settings, "settings");
    labels = Map.copyOf(labels);
  }

  /** The unix socket directory Cloud Run mounts for this instance. */
  public String socketPath() {
    return "/cloudsql/" + connectionName;
  }

  /** Cloud SQL's instance states; only {@code RUNNABLE} serves connections. */
  public enum State {
    PENDING_CREATE,
    RUNNABLE,
    SUSPENDED,
    PENDING_DELETE,
    MAINTENANCE,
    FAILED,
    UNKNOWN
  }
}
