package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.operator.config.OperatorConfigReader;
import dev.runwright.operator.gcp.run.CloudRunApi;
import dev.runwright.operator.gcp.run.CloudSqlVolume;
import dev.runwright.operator.gcp.run.Container;
import dev.runwright.operator.gcp.run.ContainerResources;
import dev.runwright.operator.gcp.run.EnvVar;
import dev.runwright.operator.gcp.run.Execution;
import dev.runwright.operator.gcp.run.ExecutionOutcome;
import dev.runwright.operator.gcp.run.ExecutionTemplate;
import dev.runwright.operator.gcp.run.ExecutionToken;
import dev.runwright.operator.gcp.run.HttpProbe;
import dev.runwright.operator.gcp.run.Ingress;
import dev.runwright.operator.gcp.run.JobName;
import dev.runwright.operator.gcp.run.JobSpec;
import dev.runwright.operator.gcp.run.RevisionTemplate;
import dev.runwright.operator.gcp.run.RunJob;
import dev.runwright.operator.gcp.run.RunOperation;
import dev.runwright.operator.gcp.run.RunOperationName;
import dev.runwright.operator.gcp.run.RunOverrides;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.run.Scaling;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.run.ServiceSpec;
import dev.runwright.operator.gcp.run.StartedExecution;
import dev.runwright.operator.gcp.run.TaskTemplate;
import dev.runwright.operator.gcp.run.TrafficTarget;
import dev.runwright.operator.gcp.run.VolumeMount;
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

  /** Polls a Cloud Run operation as a reconciler would across resyncs, bounded. */
  private static RunOperation finished(CloudRunApi run, RunOperationName name) throws Exception {
    for (int i = 0; i < 100; i++) {
      RunOperation operation = run.getOperation(name);
      if (operation.done()) {
        return operation;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("operation " + name + " did not finish within 5 s");
  }

  private static ServiceSpec serviceSpec(
      String revision, String image, List<TrafficTarget> traffic) {
    var container =
        new Container(
            "",
            image,
            List.of(),
            List.of("serve"),
            List.of(
                new EnvVar.Literal("DB_NAME", "auth"),
                new EnvVar.FromSecret("DB_PASSWORD", "projects/proj-emu/secrets/db", "1")),
            ContainerResources.defaults(),
            Optional.of(8080),
            List.of(new VolumeMount("cloudsql", "/cloudsql")),
            Optional.of(HttpProbe.of("/readyz")),
            Optional.empty());
    var template =
        new RevisionTemplate(
            Optional.of(revision),
            Map.of(),
            Map.of(),
            Optional.empty(),
            Scaling.defaults(),
            Optional.empty(),
            0,
            List.of(container),
            List.of(new CloudSqlVolume("cloudsql", List.of("proj-emu:europe-west1:main"))));
    return new ServiceSpec(Map.of(), Map.of(), Ingress.ALL, template, traffic);
  }

  @Test
  void cloudRunServiceRolloutRevisionsAndPublicAccess() throws Exception {
    CloudRunApi run = adapters.cloudRun();
    var name = new ServiceName("proj-emu", "europe-west1", "auth");

    assertThat(run.findService(name)).isEmpty();
    var first =
        serviceSpec("auth-aaaa", "img:1", List.of(TrafficTarget.toRevision("auth-aaaa", 100)));
    assertThat(finished(run, run.createService(name, first)).succeeded()).isTrue();
    assertThatThrownBy(() -> run.createService(name, first))
        .isInstanceOf(AlreadyExistsException.class);
    RunService created = run.findService(name).orElseThrow();
    assertThat(created.rolloutSettled()).isTrue();
    assertThat(created.latestReadyRevision()).contains("auth-aaaa");

    // A candidate at 0% with a tag, then the stale etag of the first read is refused.
    var candidate =
        serviceSpec(
            "auth-bbbb",
            "img:2",
            List.of(
                TrafficTarget.toRevision("auth-aaaa", 100),
                TrafficTarget.toRevision("auth-bbbb", 0).withTag("candidate")));
    finished(run, run.updateService(name, candidate, created.etag()));
    assertThatThrownBy(() -> run.updateService(name, candidate, created.etag()))
        .isInstanceOf(ConflictException.class);
    RunService updated = run.findService(name).orElseThrow();
    assertThat(updated.rolloutSettled()).isTrue();
    assertThat(updated.trafficStatuses())
        .anySatisfy(
            t -> {
              assertThat(t.tag()).contains("candidate");
              assertThat(t.uri()).isPresent();
            });
    assertThat(run.listRevisions(name))
        .extracting(r -> r.name().revision())
        .containsExactlyInAnyOrder("auth-aaaa", "auth-bbbb");
    assertThat(run.findRevision(name.revision("auth-bbbb")).orElseThrow().ready()).isTrue();

    IamPolicy policy = run.getServiceIamPolicy(name);
    assertThat(
            run.setServiceIamPolicy(name, policy.withMember("roles/run.invoker", "allUsers"))
                .grants("roles/run.invoker", "allUsers"))
        .isTrue();

    assertThat(finished(run, run.deleteService(name).orElseThrow()).succeeded()).isTrue();
    assertThat(run.findService(name)).isEmpty();
    assertThat(run.deleteService(name)).isEmpty();
  }

  @Test
  void cloudRunJobRunsOncePerExecutionTokenAndOnDemand() throws Exception {
    CloudRunApi run = adapters.cloudRun();
    var name = new JobName("proj-emu", "europe-west1", "auth-migrate");
    var container =
        new Container(
            "",
            "img:2",
            List.of(),
            List.of("migrate"),
            List.of(),
            ContainerResources.defaults(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    var spec =
        new JobSpec(
            Map.of(),
            Map.of(),
            new ExecutionTemplate(
                Map.of("runwright-dev-release", "v2"),
                Map.of(),
                1,
                1,
                new TaskTemplate(
                    List.of(container), List.of(), 0, Optional.empty(), Optional.empty())),
            Optional.of(new ExecutionToken("release-v2", true)));

    finished(run, run.createJob(name, spec));
    RunJob job = run.findJob(name).orElseThrow();
    assertThat(job.spec().template().labels()).containsEntry("runwright-dev-release", "v2");
    Execution tokenRun = waitForOutcome(run, name, 1);
    assertThat(tokenRun.labels()).containsEntry("runwright-dev-release", "v2");

    StartedExecution started = run.runJob(name, RunOverrides.none());
    finished(run, started.operation());
    Execution onDemand = waitForOutcome(run, name, 2);
    started.execution().ifPresent(e -> assertThat(run.findExecution(e)).isPresent());
    assertThat(onDemand.outcome()).isEqualTo(ExecutionOutcome.SUCCEEDED);

    finished(run, run.deleteJob(name).orElseThrow());
    assertThat(run.findJob(name)).isEmpty();
  }

  /**
   * Waits until the job has {@code count} executions and the newest has finished; returns the
   * newest.
   */
  private static Execution waitForOutcome(CloudRunApi run, JobName job, int count)
      throws Exception {
    for (int i = 0; i < 100; i++) {
      List<Execution> executions = run.listExecutions(job);
      if (executions.size() == count
          && executions.stream().allMatch(e -> e.outcome() != ExecutionOutcome.RUNNING)) {
        return executions.stream()
            .max(java.util.Comparator.comparing(e -> e.createTime().orElseThrow()))
            .orElseThrow();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "job " + job + " did not reach " + count + " finished executions in 5 s");
  }
}
