package dev.runwright.operator.cloudsql;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.SecretVersionRef;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.status.StatusConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a consumer (a migration job or a service) needs from its CloudSqlDatabase, read only from
 * that resource's status (never from its spec), and only once the database is Ready for its current
 * generation.
 *
 * @param project the instance's project
 * @param region the instance's region (from the connection name)
 * @param connectionName {@code project:region:instance}
 * @param socketPath the unix socket directory, {@code /cloudsql/project:region:instance}
 * @param passwordSecret the Secret Manager secret holding the user's password
 * @param passwordVersion the version the database published, pinned by the consumer
 */
public record DatabaseConnection(
    String project,
    String region,
    String connectionName,
    String socketPath,
    String databaseName,
    String userName,
    SecretName passwordSecret,
    String passwordVersion) {

  public DatabaseConnection {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(connectionName, "connectionName");
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(databaseName, "databaseName");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(passwordSecret, "passwordSecret");
    Objects.requireNonNull(passwordVersion, "passwordVersion");
  }

  /** Either the connection, or why the database cannot be used yet. */
  public sealed interface Lookup {}

  public record Usable(DatabaseConnection connection) implements Lookup {}

  public record NotUsable(String why) implements Lookup {}

  /**
   * @param database the referenced CloudSqlDatabase, or null when it does not exist
   * @param name its name, for the message when it does not exist
   */
  public static Lookup of(CloudSqlDatabase database, String name) {
    if (database == null) {
      return new NotUsable("CloudSqlDatabase " + name + " does not exist");
    }
    CloudSqlDatabaseStatus status = database.getStatus();
    Long generation = database.getMetadata().getGeneration();
    Condition ready =
        status == null || status.getConditions() == null
            ? null
            : status.getConditions().stream()
                .filter(c -> StatusConditions.READY.equals(c.getType()))
                .findFirst()
                .orElse(null);
    if (ready == null || ready.getStatus() != ConditionStatus.True) {
      String detail = ready == null || ready.getMessage() == null ? "" : ": " + ready.getMessage();
      return new NotUsable("CloudSqlDatabase " + name + " is not Ready" + detail);
    }
    if (generation != null && !generation.equals(status.getObservedGeneration())) {
      return new NotUsable(
          "CloudSqlDatabase "
              + name
              + " has not yet acted on its latest spec (generation "
              + generation
              + ")");
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
      return new NotUsable(
          "CloudSqlDatabase "
              + name
              + " is Ready but its status lacks "
              + String.join(", ", missing));
    }
    String[] parts = connectionName.split(":");
    if (parts.length != 3) {
      return new NotUsable(
          "CloudSqlDatabase "
              + name
              + " publishes connectionName "
              + connectionName
              + ", expected PROJECT:REGION:INSTANCE");
    }
    String project =
        Optional.ofNullable(status.getExternalRef())
            .map(ExternalRef::getProject)
            .filter(p -> !p.isEmpty())
            .orElse(parts[0]);
    SecretName secretId;
    try {
      secretId = SecretName.parse(secretName);
    } catch (IllegalArgumentException malformed) {
      return new NotUsable(
          "CloudSqlDatabase "
              + name
              + " publishes passwordSecret.secret "
              + secretName
              + ", expected projects/PROJECT/secrets/SECRET");
    }
    return new Usable(
        new DatabaseConnection(
            project,
            parts[1],
            connectionName,
            socketPath,
            databaseName,
            userName,
            secretId,
            version));
  }

  private static String text(String value, String field, List<String> missing) {
    if (value == null || value.isEmpty()) {
      missing.add(field);
      return "";
    }
    return value;
  }
}
