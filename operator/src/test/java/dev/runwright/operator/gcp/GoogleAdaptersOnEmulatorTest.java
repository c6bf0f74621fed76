package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.operator.config.OperatorConfigReader;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretVersion;
import dev.runwright.operator.gcp.secrets.SecretsApi;
import dev.runwright.operator.gcp.sql.SqlAdminApi;
import dev.runwright.operator.gcp.sql.SqlInstance;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import dev.runwright.operator.gcp.sql.SqlInstanceSpec;
import dev.runwright.operator.gcp.sql.SqlOperation;
import dev.runwright.operator.gcp.sql.SqlOperationName;
import dev.runwright.operator.gcp.sql.SqlSettings;
import dev.runwright.operator.gcp.sql.SqlUserName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapters against the project's emulator of the Google APIs, through the real clients: the
 * lifecycle calls a CloudSqlDatabase makes, end to end over HTTP.
 */
class GoogleAdaptersOnEmulatorTest {

  private static Emulator emulator;
  private static GoogleAdapters adapters;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorConfig.defaults());
    var config =
        OperatorConfigReader.read(
            List.of("--google-endpoint=" + emulator.endpoint(), "--google-timeout=5s"), Map.of());
    adapters = GoogleAdapters.create(config, new SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() throws Exception {
    adapters.close();
    emulator.close();
  }

  /** Polls an operation as a reconciler would across resyncs, bounded. */
  private static SqlOperation finished(SqlAdminApi sql, SqlOperationName name) throws Exception {
    for (int i = 0; i < 100; i++) {
      SqlOperation operation = sql.getOperation(name);
      if (operation.done()) {
        return operation;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("operation " + name + " did not finish within 5 s");
  }

  @Test
  void cloudSqlInstanceDatabaseAndUserLifecycle() throws Exception {
    SqlAdminApi sql = adapters.sqlAdmin();
    var name = new SqlInstanceName("proj-emu", "main");
    SqlSettings declared =
        SqlSettings.none()
            .withTier("db-f1-micro")
            .withDeletionProtection(true)
            .withBackups(true, true, Optional.of("03:00"));

    assertThat(sql.findInstance(name)).isEmpty();
    SqlOperationName create =
        sql.createInstance(new SqlInstanceSpec(name, "MYSQL_8_0", "europe-west1", declared));
    assertThat(finished(sql, create).failed()).isFalse();
    assertThatThrownBy(
            () ->
                sql.createInstance(
                    new SqlInstanceSpec(name, "MYSQL_8_0", "europe-west1", declared)))
        .isInstanceOf(AlreadyExistsException.class);

    SqlInstance instance = sql.findInstance(name).orElseThrow();
    assertThat(instance.state()).isEqualTo(SqlInstance.State.RUNNABLE);
    assertThat(instance.connectionName()).isEqualTo("proj-emu:europe-west1:main");
    assertThat(declared.differencesFrom(instance.settings()).isEmpty()).isTrue();

    SqlSettings drift = declared.withTier("db-g1-small").differencesFrom(instance.settings());
    assertThat(drift).isEqualTo(SqlSettings.none().withTier("db-g1-small"));
    finished(sql, sql.patchInstance(name, drift, instance.settingsVersion()));
    assertThat(sql.findInstance(name).orElseThrow().settings().tier()).contains("db-g1-small");

    finished(sql, sql.createDatabase(name.database("auth"), "utf8mb4", "utf8mb4_0900_ai_ci"));
    assertThat(sql.findDatabase(name.database("auth"))).isPresent();
    SqlUserName user = name.user("auth", "%");
    assertThat(sql.userExists(user)).isFalse();
    finished(sql, sql.createUser(user, SecretValue.ofUtf8("first-password-1")));
    finished(sql, sql.setUserPassword(user, SecretValue.ofUtf8("second-password-2")));
    assertThat(sql.userExists(user)).isTrue();

    assertThatThrownBy(() -> sql.deleteInstance(name))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("protected from deletion");
    finished(sql, sql.deleteUser(user).orElseThrow());
    finished(sql, sql.deleteDatabase(name.database("auth")).orElseThrow());
    finished(sql, sql.patchInstance(name, SqlSettings.none().withDeletionProtection(false), 0));
    finished(sql, sql.deleteInstance(name).orElseThrow());
    assertThat(sql.findInstance(name)).isEmpty();
    assertThat(sql.deleteInstance(name)).isEmpty();
  }

  @Test
  void anUnknownTierIsRejectedWithGooglesMessage() {
    var spec =
        new SqlInstanceSpec(
            new SqlInstanceName("proj-emu", "bad-tier"),
            "MYSQL_8_0",
            "europe-west1",
            SqlSettings.none().withTier("db-enormous"));

    assertThatThrownBy(() -> adapters.sqlAdmin().createInstance(spec))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("db-enormous");
  }

  @Test
  void secretVersionsAccessAliasesAndIam() {
    SecretsApi secrets = adapters.secrets();
    var name = new SecretName("proj-emu", "auth-db-password");

    assertThat(secrets.findSecret(name)).isEmpty();
    secrets.createSecret(name, Map.of("managed-by", "runwright"));
    assertThatThrownBy(() -> secrets.createSecret(name, Map.of()))
        .isInstanceOf(AlreadyExistsException.class);

    SecretVersion version = secrets.addVersion(name, SecretValue.ofUtf8("generated-password"));
    assertThat(version.state()).isEqualTo(SecretVersion.State.ENABLED);
    String number = version.name().version();
    assertThat(secrets.accessVersion(name.version(number)).utf8()).isEqualTo("generated-password");

    // updateSecretMetadata is covered on the wire only: the emulator does not yet accept the JSON
    // (camelCase)
    // spelling of the update mask that the real client sends ("versionAliases").
    assertThat(secrets.accessVersion(name.version("latest")).utf8())
        .isEqualTo("generated-password");
    assertThat(secrets.listVersions(name)).hasSize(1);

    String member = "serviceAccount:auth@proj-emu.iam.gserviceaccount.com";
    IamPolicy policy = secrets.getIamPolicy(name);
    IamPolicy written =
        secrets.setIamPolicy(name, policy.withMember("roles/secretmanager.secretAccessor", member));
    assertThat(written.grants("roles/secretmanager.secretAccessor", member)).isTrue();
    assertThatThrownBy(
            () ->
                secrets.setIamPolicy(name, policy.withMember("roles/secretmanager.viewer", member)))
        .isInstanceOf(ConflictException.class);

    assertThat(secrets.deleteSecret(name)).isTrue();
    assertThat(secrets.deleteSecret(name)).isFalse();
  }
}
