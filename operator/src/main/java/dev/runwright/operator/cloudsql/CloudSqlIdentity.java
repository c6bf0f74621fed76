package dev.runwright.operator.cloudsql;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.sql.SqlDatabaseName;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import dev.runwright.operator.gcp.sql.SqlUserName;
import java.util.Optional;

/**
 * The Google names a CloudSqlDatabase stands for. Once recorded in status ({@code externalRef},
 * {@code databaseRef}, {@code userRef}, {@code passwordSecret}) the recorded names win, so a change
 * of the operator's default project never moves a resource, and deletion never re-resolves spec.
 *
 * @param region the instance's region
 * @param database the database, when one is declared or recorded
 * @param user the MySQL user ({@code %} host), when one is declared or recorded
 * @param passwordSecret the secret holding the user's password, when there is a user
 */
record CloudSqlIdentity(
    SqlInstanceName instance,
    String region,
    Optional<SqlDatabaseName> database,
    Optional<SqlUserName> user,
    Optional<SecretName> passwordSecret) {

  /** Cloud Run connects through the Cloud SQL connector, so the user may come from any host. */
  static final String ANY_HOST = "%";

  /**
   * @throws SpecProblem when no project is known
   */
  static CloudSqlIdentity resolve(CloudSqlDatabase resource, Optional<String> defaultProject) {
    CloudSqlDatabaseSpec spec = resource.getSpec();
    CloudSqlDatabaseStatus status = resource.getStatus();
    SqlInstanceName instance =
        recorded(status == null ? null : status.getExternalRef())
            .map(SqlInstanceName::parse)
            .orElseGet(
                () ->
                    new SqlInstanceName(
                        project(spec, defaultProject), spec.getInstance().getName()));
    Optional<SqlDatabaseName> database =
        recorded(status == null ? null : status.getDatabaseRef())
            .map(SqlDatabaseName::parse)
            .or(
                () ->
                    Optional.ofNullable(spec.getDatabase())
                        .map(db -> instance.database(db.getName())));
    Optional<SqlUserName> user =
        Optional.ofNullable(spec.getUser()).map(u -> instance.user(u.getName(), ANY_HOST));
    Optional<SecretName> secret =
        Optional.ofNullable(status == null ? null : status.getPasswordSecret())
            .map(ref -> ref.getSecret())
            .filter(name -> name != null && !name.isEmpty())
            .map(SecretName::parse)
            .or(
                () ->
                    Optional.ofNullable(spec.getUser())
                        .map(
                            u ->
                                new SecretName(
                                    instance.project(),
                                    u.getPasswordSecret() != null
                                        ? u.getPasswordSecret()
                                        : defaultSecretId(
                                            resource.getMetadata().getName(), u.getName()))));
    return new CloudSqlIdentity(instance, spec.getRegion(), database, user, secret);
  }

  /** {@code <metadata.name>-<user.name>-password}, with '.' (not allowed in secret IDs) as '-'. */
  static String defaultSecretId(String resourceName, String userName) {
    return (resourceName + "-" + userName + "-password").replace('.', '-');
  }

  /** {@code project:region:instance}. */
  String connectionName() {
    return instance.project() + ":" + region + ":" + instance.instance();
  }

  private static String project(CloudSqlDatabaseSpec spec, Optional<String> defaultProject) {
    if (spec.getProject() != null && !spec.getProject().isEmpty()) {
      return spec.getProject();
    }
    return defaultProject.orElseThrow(
        () ->
            new SpecProblem(
                "NoProject",
                "spec.project is not set and the operator has no default project"
                    + " (--project / RUNWRIGHT_GCP_PROJECT)"));
  }

  private static Optional<String> recorded(ExternalRef ref) {
    return Optional.ofNullable(ref).map(ExternalRef::getName).filter(n -> !n.isEmpty());
  }
}
