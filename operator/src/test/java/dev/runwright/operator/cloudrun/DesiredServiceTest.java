package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.api.common.EnvVar;
import dev.runwright.operator.api.common.SecretEnvVar;
import dev.runwright.operator.gcp.run.CloudSqlVolume;
import dev.runwright.operator.gcp.run.Container;
import dev.runwright.operator.gcp.run.VolumeMount;
import dev.runwright.operator.gcp.secrets.SecretName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredServiceTest {

  @Test
  void derivesDatabaseSettingsAndPinsEverySecretVersion() {
    var resource = Fixtures.resource("r/jwt:1.0.0");
    SecretEnvVar key = new SecretEnvVar();
    key.setName("JWT_SIGNING_KEY");
    key.setSecret("jwt-signing-key");
    key.setVersion("3");
    resource.getSpec().setSecretEnv(List.of(key));
    resource.getSpec().setServiceAccount("jwt@demo-project.iam.gserviceaccount.com");

    DesiredService desired =
        DesiredService.of(resource, Fixtures.NAME, Optional.of(Fixtures.database()));

    Container container = desired.template().containers().getFirst();
    assertThat(container.env())
        .containsExactly(
            new dev.runwright.operator.gcp.run.EnvVar.Literal(
                "DB_SOCKET", "/cloudsql/demo-project:asia-east1:db"),
            new dev.runwright.operator.gcp.run.EnvVar.Literal("DB_NAME", "jwt_db"),
            new dev.runwright.operator.gcp.run.EnvVar.Literal("DB_USER", "jwt_user"),
            new dev.runwright.operator.gcp.run.EnvVar.FromSecret(
                "DB_PASSWORD", "projects/demo-project/secrets/db-password", "2"),
            new dev.runwright.operator.gcp.run.EnvVar.FromSecret(
                "JWT_SIGNING_KEY", "projects/demo-project/secrets/jwt-signing-key", "3"));
    assertThat(container.volumeMounts()).containsExactly(new VolumeMount("cloudsql", "/cloudsql"));
    assertThat(desired.template().volumes())
        .containsExactly(new CloudSqlVolume("cloudsql", List.of("demo-project:asia-east1:db")));
    assertThat(desired.secrets())
        .containsExactlyInAnyOrder(
            new SecretName("demo-project", "db-password"),
            new SecretName("demo-project", "jwt-signing-key"));
    assertThat(desired.secretVersions())
        .isEqualTo(
            Map.of(
                "DB_PASSWORD", "projects/demo-project/secrets/db-password/versions/2",
                "JWT_SIGNING_KEY", "projects/demo-project/secrets/jwt-signing-key/versions/3"));
    assertThat(desired.template().serviceAccount())
        .contains("jwt@demo-project.iam.gserviceaccount.com");
    assertThat(desired.template().annotations())
        .containsEntry(DesiredService.RELEASE_ANNOTATION, "r/jwt:1.0.0");
    assertThat(desired.template().revision()).contains(desired.revision());
  }

  @Test
  void writesEveryDefaultOut() {
    DesiredService desired = Fixtures.desired("r/jwt:1.0.0");
    assertThat(desired.template().maxInstanceRequestConcurrency()).isEqualTo(80);
    assertThat(desired.template().timeout()).contains(Duration.ofSeconds(300));
    Container container = desired.template().containers().getFirst();
    assertThat(container.port()).contains(8080);
    assertThat(container.resources().limits()).isEqualTo(Map.of("cpu", "1", "memory", "512Mi"));
    assertThat(desired.allowUnauthenticated()).isFalse();
    assertThat(desired.annotations()).containsEntry(DesiredService.OWNER_ANNOTATION, "apps/jwt");
  }

  @Test
  void refusesDatabaseVariablesInTheSpec() {
    var resource = Fixtures.resource("r/jwt:1.0.0");
    EnvVar env = new EnvVar();
    env.setName("DB_PASSWORD");
    env.setValue("hunter2");
    resource.getSpec().setEnv(List.of(env));
    assertThatThrownBy(
            () -> DesiredService.of(resource, Fixtures.NAME, Optional.of(Fixtures.database())))
        .isInstanceOf(SpecProblem.class)
        .hasMessageContaining("DB_PASSWORD")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void releaseDefaultsToTheImage() {
    var resource = Fixtures.resource("r/jwt:1.0.0");
    assertThat(DesiredService.releaseOf(resource.getSpec())).isEqualTo("r/jwt:1.0.0");
    resource.getSpec().setRelease("2026.1");
    assertThat(DesiredService.releaseOf(resource.getSpec())).isEqualTo("2026.1");
  }
}
