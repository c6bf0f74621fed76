package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Fault;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.operator.OperatorUnderTest;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationPhase;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.gcp.GoogleAdapters;
import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.run.Execution;
import dev.runwright.operator.gcp.run.JobName;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MigrationJob reconciler on a real apiserver with the emulator in API-only mode (simulated
 * executions): one execution per release across resyncs, re-applies and restarts; failures that
 * stay failed until the retry token changes; one migration at a time per database.
 */
@WithKubeApiServer
class MigrationJobIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String IMAGE = "runwright/jwt-service:1.0.0";

  private static Emulator emulator;
  private OperatorUnderTest operator;
  private GoogleAdapters google;
  private KubernetesClient client;
  private String namespace;

  @BeforeAll
  static void startEmulator() {
    emulator =
        Emulator.start(
            EmulatorConfig.defaults()
                .withLatencies(Latencies.none().withExecutionRun(Duration.ofSeconds(2))));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void startOperator(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.namespace = namespace.name();
    emulator.control().reset();
    OperatorConfig config = OperatorUnderTest.config(emulator, this.namespace);
    google = GoogleAdapters.create(config, new SimpleMeterRegistry());
    operator = new OperatorUnderTest(config, client).start();
  }

  @AfterEach
  void stopOperator() throws Exception {
    operator.close();
    google.close();
  }

  @Test
  void runsOneExecutionPerReleaseAndSucceeds() {
    createDatabase("jwt-db");
    awaitDatabaseReady("jwt-db");
    emulator.control().counters().reset();
    apply(migrationJob("jwt-migrate", "jwt-db", IMAGE, null));

    MigrationJob done = awaitCondition("jwt-migrate", "Ready", ConditionStatus.True);
    Map<String, Long> callsForRelease = googleCalls();

    assertThat(done.getStatus().getSucceededRelease()).isEqualTo(IMAGE);
    assertThat(done.getStatus().getPhase()).isEqualTo(MigrationPhase.Succeeded);
    assertThat(done.getStatus().getObservedGeneration())
        .isEqualTo(done.getMetadata().getGeneration());
    assertThat(done.getStatus().getExecution().getName())
        .isEqualTo(done.getStatus().getSucceededExecution())
        .startsWith(done.getStatus().getExternalRef().getName() + "/executions/");
    assertThat(done.getStatus().getExecution().getStartTime()).isNotNull();
    assertThat(done.getStatus().getExecution().getCompletionTime()).isNotNull();
    assertThat(done.getStatus().getExecution().getLogUri()).startsWith("https://");
    assertThat(executions(done)).hasSize(1);
    assertThat(callsForRelease).doesNotContainKey("run.jobs.run");
    System.out.println(
        "Google calls for one release (first release, job created): " + callsForRelease);

    // The password is a pinned Secret Manager reference, readable by the job's account only on
    // that one secret.
    CloudSqlDatabase database = databases().withName("jwt-db").get();
    var secret = SecretName.parse(database.getStatus().getPasswordSecret().getSecret());
    assertThat(done.getStatus().getDatabaseSecretVersion())
        .isEqualTo(database.getStatus().getPasswordSecret().getVersionName());
    var job =
        google
            .cloudRun()
            .findJob(JobName.parse(done.getStatus().getExternalRef().getName()))
            .orElseThrow();
    String account = job.spec().template().task().serviceAccount().orElseThrow();
    IamPolicy policy = google.secrets().getIamPolicy(secret);
    assertThat(policy.grants(SecretAccess.SECRET_ACCESSOR, "serviceAccount:" + account)).isTrue();

    // Resyncs and a metadata-only change reconcile again but never start another execution.
    emulator.control().counters().reset();
    migrationJobs()
        .withName("jwt-migrate")
        .edit(
            m -> {
              m.getMetadata().setAnnotations(Map.of("touched", "yes"));
              return m;
            });
    sleep(OperatorUnderTest.RESYNC.multipliedBy(3));
    // Steady state: no Cloud Run call and no IAM call at all, only the CloudSqlDatabase's own.
    assertThat(googleCalls()).isEmpty();
    assertThat(executions(done)).hasSize(1);

    assertThat(eventReasons("jwt-migrate")).contains("ExecutionStarted", "MigrationSucceeded");

    // A new release starts one new execution; the earlier success stays recorded until then.
    emulator.control().counters().reset();
    migrationJobs()
        .withName("jwt-migrate")
        .edit(
            m -> {
              m.getSpec().setImage("runwright/jwt-service:1.1.0");
              return m;
            });
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              MigrationJob running = migrationJobs().withName("jwt-migrate").get();
              assertThat(running.getStatus().getRelease()).isEqualTo("runwright/jwt-service:1.1.0");
              assertThat(running.getStatus().getSucceededRelease())
                  .isIn(IMAGE, "runwright/jwt-service:1.1.0");
            });
    MigrationJob second = awaitSucceeded("jwt-migrate", "runwright/jwt-service:1.1.0");
    System.out.println("Google calls for a later release: " + googleCalls());
    assertThat(executions(second)).hasSize(2);

    // Deleting and re-applying the same MigrationJob (its status is gone) finds the release's
    // execution instead of starting another one.
    migrationJobs().withName("jwt-migrate").delete();
    await().atMost(TIMEOUT).until(() -> migrationJobs().withName("jwt-migrate").get() == null);
    apply(migrationJob("jwt-migrate", "jwt-db", "runwright/jwt-service:1.1.0", null));
    MigrationJob reapplied = awaitSucceeded("jwt-migrate", "runwright/jwt-service:1.1.0");
    assertThat(reapplied.getStatus().getSucceededExecution())
        .isEqualTo(second.getStatus().getSucceededExecution());
    assertThat(executions(reapplied)).hasSize(2);
  }

  @Test
  void anOperatorRestartedWhileTheExecutionRunsStartsNoSecondOne() {
    emulator.control().setLatencies(Latencies.none().withExecutionRun(Duration.ofSeconds(6)));
    try {
      createDatabase("jwt-db");
      awaitDatabaseReady("jwt-db");
      apply(migrationJob("jwt-migrate", "jwt-db", IMAGE, null));
      await()
          .atMost(TIMEOUT)
          .until(
              () -> {
                MigrationJob seen = migrationJobs().withName("jwt-migrate").get();
                return seen.getStatus() != null
                    && seen.getStatus().getExecution() != null
                    && seen.getStatus().getExecution().getOutcome() == MigrationPhase.Running;
              });

      operator.stop();
      sleep(Duration.ofSeconds(1));
      operator.start();

      MigrationJob done = awaitSucceeded("jwt-migrate", IMAGE);
      assertThat(executions(done)).hasSize(1);
      assertThat(emulator.control().counters().count("run.jobs.run")).isZero();
    } finally {
      emulator.control().setLatencies(Latencies.none().withExecutionRun(Duration.ofSeconds(2)));
    }
  }

  @Test
  void aFailedReleaseStaysFailedUntilTheRetryTokenChanges() {
    createDatabase("jwt-db");
    awaitDatabaseReady("jwt-db");
    emulator
        .control()
        .outcomes()
        .failExecutionsOf("/jobs/" + JobIdentity.jobId(namespace, "jwt-migrate"));
    apply(migrationJob("jwt-migrate", "jwt-db", IMAGE, null));

    MigrationJob failed = awaitCondition("jwt-migrate", "Stalled", ConditionStatus.True);
    Condition stalled = condition(failed, "Stalled");
    assertThat(stalled.getReason()).isEqualTo("ExecutionFailed");
    assertThat(stalled.getMessage()).contains("exit code 1").contains("spec.retryToken");
    assertThat(condition(failed, "Ready").getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(failed.getStatus().getPhase()).isEqualTo(MigrationPhase.Failed);
    assertThat(failed.getStatus().getSucceededRelease()).isNull();
    assertThat(eventReasons("jwt-migrate")).contains("MigrationFailed");

    // Resyncs never run a failed release again.
    sleep(OperatorUnderTest.RESYNC.multipliedBy(3));
    assertThat(executions(failed)).hasSize(1);
    assertThat(condition(migrationJobs().withName("jwt-migrate").get(), "Stalled").getStatus())
        .isEqualTo(ConditionStatus.True);

    emulator.control().outcomes().clear();
    migrationJobs()
        .withName("jwt-migrate")
        .edit(
            m -> {
              m.getSpec().setRetryToken("2");
              return m;
            });

    MigrationJob retried = awaitSucceeded("jwt-migrate", IMAGE);
    assertThat(retried.getStatus().getExecution().getRetryToken()).isEqualTo("2");
    assertThat(executions(retried)).hasSize(2);
  }

  @Test
  void twoMigrationJobsOnOneDatabaseNeverRunAtOnce() {
    createDatabase("jwt-db");
    awaitDatabaseReady("jwt-db");
    apply(migrationJob("first", "jwt-db", IMAGE, null));
    apply(migrationJob("second", "jwt-db", "runwright/other:1.0.0", null));

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        migrationJobs().list().getItems().stream()
                            .map(m -> condition(m, "Reconciling"))
                            .filter(
                                c -> c != null && "WaitingForDatabaseLock".equals(c.getReason()))
                            .map(Condition::getMessage)
                            .toList())
                    .singleElement()
                    .asString()
                    .contains("is migrating the same database"));

    MigrationJob first = awaitSucceeded("first", IMAGE);
    MigrationJob second = awaitSucceeded("second", "runwright/other:1.0.0");
    Execution a = executions(first).getFirst();
    Execution b = executions(second).getFirst();
    List<Execution> ordered =
        List.of(a, b).stream()
            .sorted(Comparator.comparing(e -> e.startTime().orElseThrow()))
            .toList();
    Instant firstEnd = ordered.get(0).completionTime().orElseThrow();
    Instant secondStart = ordered.get(1).startTime().orElseThrow();
    assertThat(secondStart).isAfterOrEqualTo(firstEnd);
  }

  @Test
  void aMigrationJobStalledBeforeItsExecutionDoesNotHoldTheDatabase() {
    createDatabase("jwt-db");
    awaitDatabaseReady("jwt-db");
    emulator
        .control()
        .faults()
        .add(
            Fault.status("run.jobs.update", 400, -1)
                .onResource("/jobs/" + JobIdentity.jobId(namespace, "first")));
    apply(migrationJob("first", "jwt-db", IMAGE, null));
    MigrationJob stalled = awaitCondition("first", "Stalled", ConditionStatus.True);
    assertThat(condition(stalled, "Stalled").getReason()).isEqualTo("GoogleRejected");

    apply(migrationJob("second", "jwt-db", "runwright/other:1.0.0", null));

    awaitSucceeded("second", "runwright/other:1.0.0");
    assertThat(executions(awaitCondition("first", "Stalled", ConditionStatus.True))).isEmpty();
  }

  // --- helpers ---

  private NonNamespaceOperation<
          MigrationJob, KubernetesResourceList<MigrationJob>, Resource<MigrationJob>>
      migrationJobs() {
    return client.resources(MigrationJob.class).inNamespace(namespace);
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          CloudSqlDatabase, ?, Resource<CloudSqlDatabase>>
      databases() {
    return client.resources(CloudSqlDatabase.class).inNamespace(namespace);
  }

  private void createDatabase(String name) {
    String yaml =
        """
        apiVersion: runwright.dev/v1alpha1
        kind: CloudSqlDatabase
        metadata:
          name: %s
        spec:
          region: asia-east1
          instance:
            name: %s
            databaseVersion: MYSQL_8_0
            tier: db-f1-micro
          database:
            name: jwt_auth_db
          user:
            name: jwt_user
        """
            .formatted(name, "inst-" + namespace);
    databases().load(stream(yaml)).create();
  }

  private static String migrationJob(String name, String database, String image, String retry) {
    return """
        apiVersion: runwright.dev/v1alpha1
        kind: MigrationJob
        metadata:
          name: %s
        spec:
          databaseRef:
            name: %s
          image: %s
        """
            .formatted(name, database, image)
        + (retry == null ? "" : "  retryToken: \"" + retry + "\"\n");
  }

  private void apply(String yaml) {
    migrationJobs().load(stream(yaml)).create();
  }

  private void awaitDatabaseReady(String name) {
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              CloudSqlDatabase db = databases().withName(name).get();
              return db.getStatus() != null
                  && db.getStatus().getConditions().stream()
                      .anyMatch(
                          c ->
                              "Ready".equals(c.getType()) && c.getStatus() == ConditionStatus.True);
            });
  }

  private MigrationJob awaitCondition(String name, String type, ConditionStatus value) {
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              MigrationJob seen = migrationJobs().withName(name).get();
              Condition c = condition(seen, type);
              return c != null
                  && c.getStatus() == value
                  && seen.getMetadata().getGeneration().equals(c.getObservedGeneration());
            });
    return migrationJobs().withName(name).get();
  }

  private MigrationJob awaitSucceeded(String name, String release) {
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              MigrationJob seen = migrationJobs().withName(name).get();
              Condition ready = condition(seen, "Ready");
              return ready != null
                  && ready.getStatus() == ConditionStatus.True
                  && release.equals(seen.getStatus().getSucceededRelease());
            });
    return migrationJobs().withName(name).get();
  }

  private static Condition condition(MigrationJob job, String type) {
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return null;
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private List<Execution> executions(MigrationJob job) {
    return google
        .cloudRun()
        .listExecutions(JobName.parse(job.getStatus().getExternalRef().getName()));
  }

  private List<String> eventReasons(String name) {
    return client.events().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getRegarding() != null && name.equals(e.getRegarding().getName()))
        .map(Event::getReason)
        .toList();
  }

  /** Cloud Run and Secret Manager IAM calls so far (what the MigrationJob reconciler makes). */
  private static Map<String, Long> googleCalls() {
    return emulator.control().counters().snapshot().entrySet().stream()
        .filter(e -> e.getKey().startsWith("run.") || e.getKey().contains("IamPolicy"))
        .filter(e -> e.getValue() > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
  }

  private static ByteArrayInputStream stream(String yaml) {
    return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
