package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.api.common.EnvVar;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.gcp.run.CloudSqlVolume;
import dev.runwright.operator.gcp.run.Container;
import dev.runwright.operator.gcp.run.ExecutionToken;
import dev.runwright.operator.gcp.run.JobSpec;
import dev.runwright.operator.gcp.run.VolumeMount;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredJobTest {
  private static final Release RELEASE = new Release("runwright/jwt-service:1.0.0", "");

  @Test
  void runsMigrateWithTheCloudSqlVolumeAndDatabaseSettings() {
    MigrationJob resource = Fixtures.migrationJob("runwright/jwt-service:1.0.0");

    JobSpec job = DesiredJob.of(resource, Fixtures.connection(), RELEASE, Optional.empty());

    Container container = job.template().task().containers().getFirst();
    assertThat(container.image()).isEqualTo("runwright/jwt-service:1.0.0");
    assertThat(container.command()).isEmpty();
    assertThat(container.args()).containsExactly("migrate");
    assertThat(container.env())
        .containsExactly(
            new dev.runwright.operator.gcp.run.EnvVar.Literal(
                "DB_SOCKET", "/cloudsql/acme-prod:asia-east1:main"),
            new dev.runwright.operator.gcp.run.EnvVar.Literal("DB_NAME", "jwt_auth_db"),
            new dev.runwright.operator.gcp.run.EnvVar.Literal("DB_USER", "jwt_user"),
            new dev.runwright.operator.gcp.run.EnvVar.FromSecret(
                "DB_PASSWORD", "projects/acme-prod/secrets/jwt-db-jwt_user-password", "3"));
    assertThat(container.volumeMounts()).containsExactly(new VolumeMount("cloudsql", "/cloudsql"));
    assertThat(job.template().task().volumes())
        .containsExactly(new CloudSqlVolume("cloudsql", List.of("acme-prod:asia-east1:main")));
    assertThat(job.executionToken()).isEmpty();
  }

  @Test
  void defaultsToNoRetriesTenMinutesAndTheDefaultServiceAccount() {
    JobSpec job =
        DesiredJob.of(
            Fixtures.migrationJob("app:1"), Fixtures.connection(), RELEASE, Optional.empty());

    assertThat(job.template().taskCount()).isEqualTo(1);
    assertThat(job.template().task().maxRetries()).isZero();
    assertThat(job.template().task().timeout()).contains(Duration.ofSeconds(600));
    assertThat(job.template().task().serviceAccount()).isEmpty();
  }

  @Test
  void mapsDeclaredSettingsTokenAndOwnerLabels() {
    MigrationJob resource = Fixtures.migrationJob("app:2");
    resource.getSpec().setCommand(List.of("java"));
    resource.getSpec().setArgs(List.of("-jar", "app.jar", "migrate"));
    resource.getSpec().setTimeoutSeconds(120);
    resource.getSpec().setMaxRetries(2);
    resource.getSpec().setServiceAccount("migrator@acme-prod.iam.gserviceaccount.com");
    EnvVar extra = new EnvVar();
    extra.setName("FLYWAY_BASELINE");
    extra.setValue("true");
    resource.getSpec().setEnv(List.of(extra));

    JobSpec job =
        DesiredJob.of(
            resource,
            Fixtures.connection(),
            new Release("2.0", "r1"),
            Optional.of(new ExecutionToken("abc", false)));

    Container container = job.template().task().containers().getFirst();
    assertThat(container.command()).containsExactly("java");
    assertThat(container.args()).containsExactly("-jar", "app.jar", "migrate");
    assertThat(container.env())
        .contains(new dev.runwright.operator.gcp.run.EnvVar.Literal("FLYWAY_BASELINE", "true"));
    assertThat(job.template().task().timeout()).contains(Duration.ofSeconds(120));
    assertThat(job.template().task().maxRetries()).isEqualTo(2);
    assertThat(job.template().task().serviceAccount())
        .contains("migrator@acme-prod.iam.gserviceaccount.com");
    assertThat(job.executionToken()).contains(new ExecutionToken("abc", false));
    assertThat(job.labels())
        .containsEntry("managed-by", "runwright")
        .containsEntry("runwright-namespace", "shop")
        .containsEntry("runwright-name", "jwt-migrate");
    assertThat(job.template().annotations()).containsEntry(DesiredJob.RELEASE_ANNOTATION, "2.0");
  }

  @Test
  void refusesEnvThatWouldOverrideTheDatabaseSettings() {
    MigrationJob resource = Fixtures.migrationJob("app:1");
    EnvVar password = new EnvVar();
    password.setName("DB_PASSWORD");
    password.setValue("hunter2");
    resource.getSpec().setEnv(List.of(password));

    assertThatThrownBy(
            () -> DesiredJob.of(resource, Fixtures.connection(), RELEASE, Optional.empty()))
        .isInstanceOf(SpecProblem.class)
        .hasMessageContaining("spec.env sets DB_PASSWORD")
        .hasMessageNotContaining("hunter2");
  }
}
