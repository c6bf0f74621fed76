package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.operator.OperatorUnderTest;
import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.gcp.GoogleAdapters;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.run.TrafficStatus;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed deployment with every reconciler the composition root registers (CloudSqlDatabase,
 * MigrationJob, CloudRunService) against the emulator, API-only: a first release, then a release
 * whose migration fails (the served traffic is sampled all along), then the same release fixed with
 * a retry token.
 */
@WithKubeApiServer
class SeedRolloutIT {
  private static final String V1 = "runwright/jwt-service:1.0.0";
  private static final String V2 = "runwright/jwt-service:2.0.0";

  private static Emulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator =
        Emulator.start(
            EmulatorConfig.defaults()
                .withLatencies(
                    Latencies.none()
                        .withExecutionRun(Duration.ofMillis(500))
                        .withRevisionReady(Duration.ofMillis(300))));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void aFailedMigrationNeverTakesTrafficFromTheServingRelease(
      KubernetesClient client, TestNamespace namespace) throws Exception {
    String ns = namespace.name();
    var config = OperatorUnderTest.config(emulator, ns);
    ServiceName service = new ServiceName(OperatorUnderTest.PROJECT, "asia-east1", "jwt-service");
    List<List<TrafficStatus>> served = new CopyOnWriteArrayList<>();
    AtomicBoolean sampling = new AtomicBoolean(true);
    try (var google = GoogleAdapters.create(config, new SimpleMeterRegistry());
        var operator = new OperatorUnderTest(config, client).start()) {
      apply(client, ns, database());
      apply(client, ns, migration(V1, null));
      apply(client, ns, cloudRunService(V1));
      CloudRunService first = await(client, ns, r -> ready(r) && V1.equals(stableRelease(r)));
      String stable = first.getStatus().getStableRevision();
      MigrationJob job =
          client.resources(MigrationJob.class).inNamespace(ns).withName("jwt-migrate").get();
      String jobName = job.getStatus().getExternalRef().getName();

      Thread sampler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (sampling.get()) {
                      google
                          .cloudRun()
                          .findService(service)
                          .ifPresent(s -> served.add(s.trafficStatuses()));
                      sleepQuietly(Duration.ofMillis(50));
                    }
                  });

      emulator.control().outcomes().failExecutionsOf(jobName.substring(jobName.indexOf("/jobs/")));
      apply(client, ns, migration(V2, null));
      apply(client, ns, cloudRunService(V2));
      CloudRunService stalled =
          await(client, ns, r -> conditionIs(r, "Stalled", Reasons.MIGRATION_FAILED));
      assertThat(condition(stalled, "Ready").getStatus()).isEqualTo(ConditionStatus.False);
      Thread.sleep(OperatorUnderTest.RESYNC.multipliedBy(2).toMillis());
      int beforeFix = served.size();
      assertThat(google.cloudRun().listRevisions(service)).hasSize(1);

      emulator.control().outcomes().clear();
      apply(client, ns, migration(V2, "fixed-1"));
      CloudRunService upgraded = await(client, ns, r -> ready(r) && V2.equals(stableRelease(r)));
      sampling.set(false);
      sampler.join();

      assertThat(served.subList(0, beforeFix))
          .isNotEmpty()
          .allSatisfy(
              statuses ->
                  assertThat(statuses)
                      .singleElement()
                      .satisfies(
                          t -> {
                            assertThat(t.revision()).contains(stable);
                            assertThat(t.percent()).isEqualTo(100);
                          }));
      assertThat(google.cloudRun().listRevisions(service)).hasSize(2);
      assertThat(upgraded.getStatus().getStableRevision()).isNotEqualTo(stable);
    } finally {
      sampling.set(false);
    }
  }

  private static String database() {
    return """
        apiVersion: runwright.dev/v1alpha1
        kind: CloudSqlDatabase
        metadata:
          name: jwt-db
        spec:
          region: asia-east1
          instance:
            name: jwt-auth-mysql
            databaseVersion: MYSQL_8_0
            tier: db-f1-micro
          database:
            name: jwt_auth_db
          user:
            name: jwt_user
        """;
  }

  private static String migration(String image, String retryToken) {
    return """
        apiVersion: runwright.dev/v1alpha1
        kind: MigrationJob
        metadata:
          name: jwt-migrate
        spec:
          databaseRef:
            name: jwt-db
          image: %s
          args: ["migrate"]
        """
            .formatted(image)
        + (retryToken == null ? "" : "  retryToken: " + retryToken + "\n");
  }

  private static String cloudRunService(String image) {
    return """
        apiVersion: runwright.dev/v1alpha1
        kind: CloudRunService
        metadata:
          name: jwt-service
        spec:
          region: asia-east1
          image: %s
          databaseRef:
            name: jwt-db
          migrationRef:
            name: jwt-migrate
          allowUnauthenticated: true
        """
        .formatted(image);
  }

  /** Server-side apply of one YAML document, as {@code kubectl apply --server-side} does. */
  private static void apply(KubernetesClient client, String namespace, String yaml) {
    List<HasMetadata> items =
        client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    for (HasMetadata item : items) {
      client
          .resource(item)
          .inNamespace(namespace)
          .fieldManager("test")
          .forceConflicts()
          .serverSideApply();
    }
  }

  private static CloudRunService await(
      KubernetesClient client, String namespace, Predicate<CloudRunService> condition) {
    return CloudRunWorld.poll(
        () -> {
          CloudRunService seen =
              client
                  .resources(CloudRunService.class)
                  .inNamespace(namespace)
                  .withName("jwt-service")
                  .get();
          return seen != null && seen.getStatus() != null && condition.test(seen) ? seen : null;
        },
        "CloudRunService jwt-service");
  }

  private static boolean ready(CloudRunService r) {
    return conditionIs(r, "Ready", null);
  }

  private static boolean conditionIs(CloudRunService r, String type, String reason) {
    Condition c = condition(r, type);
    return c != null
        && c.getStatus() == ConditionStatus.True
        && (reason == null || reason.equals(c.getReason()))
        && r.getMetadata().getGeneration().equals(c.getObservedGeneration());
  }

  private static Condition condition(CloudRunService r, String type) {
    return r.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static String stableRelease(CloudRunService r) {
    return r.getStatus().getStableRelease();
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
