package dev.runwright.operator.migration;

import dev.runwright.operator.api.common.EnvVar;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobSpec;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.gcp.run.CloudSqlVolume;
import dev.runwright.operator.gcp.run.Container;
import dev.runwright.operator.gcp.run.ContainerResources;
import dev.runwright.operator.gcp.run.ExecutionTemplate;
import dev.runwright.operator.gcp.run.ExecutionToken;
import dev.runwright.operator.gcp.run.JobSpec;
import dev.runwright.operator.gcp.run.TaskTemplate;
import dev.runwright.operator.gcp.run.VolumeMount;
import dev.runwright.operator.reconcile.OwnerLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Cloud Run job a MigrationJob asks for, from its spec and the CloudSqlDatabase's published
 * connection data: the release image running {@code migrate}, the Cloud SQL volume, the database
 * settings as environment, and the password as a Secret Manager reference pinned to the published
 * version (the value never passes through the operator).
 */
final class DesiredJob {
  static final String VOLUME = "cloudsql";
  static final String MOUNT_PATH = "/cloudsql";
  static final List<String> DEFAULT_ARGS = List.of("migrate");
  static final int DEFAULT_TIMEOUT_SECONDS = 600;

  /** Variables the operator sets from the CloudSqlDatabase; spec.env may not set them too. */
  static final String DB_SOCKET = "DB_SOCKET";

  static final String DB_NAME = "DB_NAME";
  static final String DB_USER = "DB_USER";
  static final String DB_PASSWORD = "DB_PASSWORD";
  static final Set<String> DATABASE_ENV =
      Set.of(
          DB_SOCKET,
          DB_NAME,
          DB_USER,
          DB_PASSWORD,
          "DB_HOST",
          "DB_PORT",
          "DB_PASSWORD_FILE",
          "DATABASE_URL",
          "INSTANCE_UNIX_SOCKET");

  /** Annotation on the execution template naming the release, so each execution says it. */
  static final String RELEASE_ANNOTATION = "runwright.dev/release";

  private DesiredJob() {}

  /**
   * @param token when present, the write starts this release's one execution
   * @throws SpecProblem when spec.env sets a variable the operator derives from the database
   */
  static JobSpec of(
      MigrationJob resource,
      DatabaseConnection database,
      Release release,
      Optional<ExecutionToken> token) {
    MigrationJobSpec spec = resource.getSpec();
    Container container =
        new Container(
            "",
            spec.getImage(),
            spec.getCommand() == null ? List.of() : spec.getCommand(),
            spec.getArgs() == null || spec.getArgs().isEmpty() ? DEFAULT_ARGS : spec.getArgs(),
            env(spec, database),
            ContainerResources.defaults(),
            Optional.empty(),
            List.of(new VolumeMount(VOLUME, MOUNT_PATH)),
            Optional.empty(),
            Optional.empty());
    int timeout =
        spec.getTimeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : spec.getTimeoutSeconds();
    TaskTemplate task =
        new TaskTemplate(
            List.of(container),
            List.of(new CloudSqlVolume(VOLUME, List.of(database.connectionName()))),
            spec.getMaxRetries() == null ? 0 : spec.getMaxRetries(),
            Optional.of(Duration.ofSeconds(timeout)),
            Optional.ofNullable(spec.getServiceAccount()).filter(s -> !s.isEmpty()));
    return new JobSpec(
        OwnerLabels.of(resource),
        Map.of(),
        new ExecutionTemplate(
            OwnerLabels.of(resource), Map.of(RELEASE_ANNOTATION, release.release()), 1, 0, task),
        token);
  }

  private static List<dev.runwright.operator.gcp.run.EnvVar> env(
      MigrationJobSpec spec, DatabaseConnection database) {
    List<dev.runwright.operator.gcp.run.EnvVar> env = new ArrayList<>();
    env.add(new dev.runwright.operator.gcp.run.EnvVar.Literal(DB_SOCKET, database.socketPath()));
    env.add(new dev.runwright.operator.gcp.run.EnvVar.Literal(DB_NAME, database.databaseName()));
    env.add(new dev.runwright.operator.gcp.run.EnvVar.Literal(DB_USER, database.userName()));
    env.add(
        new dev.runwright.operator.gcp.run.EnvVar.FromSecret(
            DB_PASSWORD, database.passwordSecret().toString(), database.passwordVersion()));
    if (spec.getEnv() != null) {
      for (EnvVar declared : spec.getEnv()) {
        if (DATABASE_ENV.contains(declared.getName())) {
          throw new SpecProblem(
              Reasons.ENV_CONFLICT,
              "spec.env sets "
                  + declared.getName()
                  + ", which the operator derives from the CloudSqlDatabase; remove it");
        }
        env.add(
            new dev.runwright.operator.gcp.run.EnvVar.Literal(
                declared.getName(), declared.getValue() == null ? "" : declared.getValue()));
      }
    }
    return env;
  }
}
