package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.SecretVersionRef;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.status.StatusConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the service needs from its CloudSqlDatabase, read only from that resource's status once it
 * is Ready for its current generation: the socket is derived, nobody types a URL.
 *
 * @param connectionName {@code project:region:instance}, mounted as a Cloud SQL volume
 * @param socketPath {@code /cloudsql/project:region:instance}
 * @param passwordVersion the version the database published, pinned in the revision
 */
record DatabaseSettings(
    String connectionName,
    String socketPath,
    String databaseName,
    String userName,
    SecretName passwordSecret,
    String passwordVersion) {

  DatabaseSettings {
    Objects.requireNonNull(connectionName, "connectionName");
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(databaseName, "databaseName");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(passwordSecret, "passwordSecret");
    Objects.requireNonNull(passwordVersion, "passwordVersion");
  }

  /**
   * The settings, or a {@link NotReady} saying why the database cannot be used yet.
   *
   * @param database null when the referenced resource does not exist
   */
  static DatabaseSettings of(CloudSqlDatabase database, String name) {
    if (database == null) {
      throw new NotReady("CloudSqlDatabase " + name + " does not exist");
    }
    CloudSqlDatabaseStatus status = database.getStatus();
    Condition ready =
        status == null || status.getConditions() == null
            ? null
            : status.getConditions().stream()
                .filter(c -> StatusConditions.READY.equals(c.getType()))
                .findFirst()
                .orElse(null);
    if (ready == null || ready.getStatus() != ConditionStatus.True) {
      String detail = ready == null || ready.getMessage() == null ? "" : ": " + ready.getMessage();
      throw new NotReady("CloudSqlDatabase " + name + " is not Ready" + detail);
    }
    Long generation = database.getMetadata().getGeneration();
    if (generation != null && !generation.equals(status.getObservedGeneration())) {
      throw new NotReady(
          "CloudSqlDatabase " + name + " has not yet acted on generation " + generation);
    }
    List<String> missing = new ArrayList<>();
    SecretVersionRef secret = status.getPasswordSecret();
    String connectionName = text(status.getConnectionName(), "connectionName", missing);
    String socketPath = text(status.getSocketPath(), "socketPath", missing);
    String databaseName = text(status.getDatabaseName(), "databaseName", missing);
    String userName = text(status.getUserName(), "userName", missing);
    String secretName =
        text(secret == null ? null : secret.getSecret(), "passwordSecret.secret", missing);
    String version =
        text(secret == null ? null : secret.getVersion(), "passwordSecret.version", missing);
    if (!missing.isEmpty()) {
      throw new NotReady(
          "CloudSqlDatabase "
              + name
              + " is Ready but its status lacks "
              + String.join(", ", missing));
    }
    try {
      return new DatabaseSettings(
          connectionName,
          socketPath,
          databaseName,
          userName,
          SecretName.parse(secretName),
          version);
    } catch (IllegalArgumentException malformed) {
      throw new NotReady(
          "CloudSqlDatabase " + name + " publishes a malformed passwordSecret: " + secretName);
    }
  }

  private static String text(String value, String field, List<String> missing) {
    if (value == null || value.isEmpty()) {
      missing.add(field);
      return "";
    }
    return value;
  }

  /** The database cannot be used yet; the service waits (Reconciling), it is not a spec error. */
  static final class NotReady extends RuntimeException {
    NotReady(String message) {
      super(message);
    }
  }
}
