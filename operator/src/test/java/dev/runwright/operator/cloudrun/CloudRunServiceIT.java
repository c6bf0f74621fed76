package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallCounters;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudrun.CloudRunServiceStatus;
import dev.runwright.operator.api.cloudrun.RolloutPhase;
import dev.runwright.operator.api.cloudrun.RolloutSpec;
import dev.runwright.operator.api.cloudrun.RolloutStrategy;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.api.migration.MigrationPhase;
import dev.runwright.operator.gcp.run.Revision;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.run.ServiceSpec;
import dev.runwright.operator.gcp.run.TrafficTarget;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudRunService reconciler on a real kube-apiserver, against the emulator through the real
 * Google clients (API-only: revisions are simulated, nothing is served). Every traffic split the
 * operator writes or reads passes through a {@link TrafficLog}, so the invariant is checked on
 * every observed state. Call counts come from the emulator's counters.
 */
@WithKubeApiServer
class CloudRunServiceIT {
  private static final Logger LOG = LoggerFactory.getLogger(CloudRunServiceIT.class);
  private static final String V1 = "runwright/jwt-service:1.0.0";
  private static final String V2 = "runwright/jwt-service:2.0.0";

  private static Emulator emulator;
  private CloudRunWorld world;

  @BeforeAll
  static void startEmulator() {
    emulator = Emulator.start(EmulatorConfig.defaults());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void setUp(KubernetesClient client, TestNamespace namespace) {
    emulator.control().reset();
    emulator.control().setLatencies(Latencies.none().withRevisionReady(Duration.ofMillis(300)));
    world = new CloudRunWorld(client, namespace.name(), emulator);
    world.database();
  }

  @AfterEach
  void tearDown() throws Exception {
    world.close();
  }

  private CallCounters counters() {
    return emulator.control().counters();
  }

  private static ServiceName serviceName(String name) {
    return new ServiceName(CloudRunWorld.PROJECT, CloudRunWorld.REGION, name);
  }

  private List<Revision> revisions(String name) {
    return world.google.cloudRun().listRevisions(serviceName(name));
  }

  /** Deploys release 1 (migrated) and waits until it serves 100%. */
  private CloudRunService deployFirst(CloudRunService resource) {
    world.migration(V1, MigrationPhase.Succeeded, V1);
    world.apply(resource);
    return world.awaitReady(resource.getMetadata().getName());
  }

  private static Map<String, Long> calls(CallCounters counters) {
    Map<String, Long> calls = new java.util.TreeMap<>(counters.snapshot());
    calls.keySet().removeIf(k -> !(k.startsWith("run.") || k.startsWith("secretmanager.")));
    return calls;
  }

  @Test
  void firstDeployWaitsForTheMigrationThenServesTheFirstRevision() throws Exception {
    world.startOperator();
    counters().reset();
    world.migration(V1, MigrationPhase.Running, null);
    var resource = CloudRunWorld.service("jwt", V1);
    resource.getSpec().setAllowUnauthenticated(true);
    world.apply(resource);

    world.awaitReason("jwt", "Reconciling", Reasons.MIGRATION_PENDING);
    assertThat(world.google.cloudRun().findService(serviceName("jwt"))).isEmpty();
    assertThat(counters().count("run.services.create")).isZero();

    world.migration(V1, MigrationPhase.Succeeded, V1);
    CloudRunService ready = world.awaitReady("jwt");
    Map<String, Long> firstDeploy = calls(counters());
    LOG.info("Google calls for a first deploy: {}", firstDeploy);

    var status = ready.getStatus();
    assertThat(status.getStableRevision()).isEqualTo(status.getDesiredRevision());
    assertThat(status.getStableRelease()).isEqualTo(V1);
    assertThat(status.getUrl()).startsWith("https://jwt-");
    assertThat(status.getTraffic())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getRevision()).isEqualTo(status.getStableRevision());
              assertThat(t.getPercent()).isEqualTo(100);
            });
    assertThat(status.getSecretVersions())
        .containsEntry(
            "DB_PASSWORD",
            "projects/" + CloudRunWorld.PROJECT + "/secrets/jwt-db-password/versions/1");
    assertThat(CloudRunWorld.condition(ready, "MigrationSucceeded").get().getStatus())
        .isEqualTo(ConditionStatus.True);
    assertThat(revisions("jwt")).hasSize(1);
    assertThat(world.traffic.writes())
        .allSatisfy(w -> assertThat(w.percentOf(status.getStableRevision())).isEqualTo(100));

    var service = world.google.cloudRun().findService(serviceName("jwt")).orElseThrow();
    var template = service.spec().template();
    assertThat(template.volumes())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.instances())
                    .containsExactly(CloudRunWorld.PROJECT + ":asia-east1:jwt-mysql"));
    String account = template.serviceAccount().orElseThrow();
    assertThat(
            world
                .google
                .secrets()
                .getIamPolicy(new SecretName(CloudRunWorld.PROJECT, CloudRunWorld.PASSWORD_SECRET))
                .grants(ServiceAccess.SECRET_ACCESSOR, "serviceAccount:" + account))
        .isTrue();
    assertThat(
            world
                .google
                .cloudRun()
                .getServiceIamPolicy(serviceName("jwt"))
                .grants(ServiceAccess.INVOKER, ServiceAccess.ALL_USERS))
        .isTrue();

    // Steady state: resyncs every ~2 s read the service once and write nothing, status included.
    Thread.sleep(1000);
    String resourceVersion = world.get("jwt").getMetadata().getResourceVersion();
    counters().reset();
    Thread.sleep(5000);
    Map<String, Long> steady = calls(counters());
    LOG.info("Google calls during 5 s of steady-state resyncs: {}", steady);
    assertThat(steady.keySet()).containsOnly("run.services.get");
    assertThat(steady.get("run.services.get")).isBetween(1L, 5L);
    assertThat(world.get("jwt").getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
  }

  @Test
  void upgradeWithASuccessfulMigrationCreatesExactlyOneRevisionAndPromotesIt() {
    world.startOperator();
    String stable = deployFirst(CloudRunWorld.service("jwt", V1)).getStatus().getStableRevision();
    counters().reset();
    world.traffic.clear();

    world.migration(V2, MigrationPhase.Running, V1);
    world.apply(CloudRunWorld.service("jwt", V2));
    world.awaitReason("jwt", "Reconciling", Reasons.MIGRATION_PENDING);
    int beforeMigration = world.traffic.observations().size();
    world.migration(V2, MigrationPhase.Succeeded, V2);
    CloudRunService ready = world.awaitReady("jwt");
    LOG.info("Google calls for an upgrade: {}", calls(counters()));

    String candidate = ready.getStatus().getStableRevision();
    assertThat(candidate).isNotEqualTo(stable).isEqualTo(ready.getStatus().getDesiredRevision());
    assertThat(ready.getStatus().getStableRelease()).isEqualTo(V2);
    assertThat(ready.getStatus().getCandidateRevision()).isNull();
    assertThat(revisions("jwt"))
        .extracting(r -> r.name().revision())
        .containsExactlyInAnyOrder(stable, candidate);
    var observations = world.traffic.observations();
    assertThat(observations.subList(0, beforeMigration))
        .allSatisfy(o -> assertThat(o.percentOf(stable)).isEqualTo(100));
    assertThat(world.traffic.writes())
        .extracting(w -> w.percentOf(candidate))
        .containsExactly(0, 100);
    assertThat(observations)
        .allSatisfy(o -> assertThat(o.percentOf(stable) + o.percentOf(candidate)).isEqualTo(100));
  }

  @Test
  void aFailedMigrationNeverMovesTrafficAndFixingTheReleasePromotes() throws Exception {
    world.startOperator();
    String stable = deployFirst(CloudRunWorld.service("jwt", V1)).getStatus().getStableRevision();
    world.traffic.clear();
    counters().reset();

    world.migration(V2, MigrationPhase.Failed, V1);
    world.apply(CloudRunWorld.service("jwt", V2));
    CloudRunService stalled = world.awaitReason("jwt", "Stalled", Reasons.MIGRATION_FAILED);
    assertThat(CloudRunWorld.condition(stalled, "Ready").get().getStatus())
        .isEqualTo(ConditionStatus.False);
    assertThat(CloudRunWorld.condition(stalled, "Ready").get().getReason())
        .isEqualTo(Reasons.MIGRATION_FAILED);
    Thread.sleep(4500); // two resyncs and more
    assertThat(world.traffic.writes()).isEmpty();
    assertThat(counters().writes(Api.RUN)).isZero();
    assertThat(world.traffic.observations())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.entries()).containsExactly(stable + "=100"));
    assertThat(revisions("jwt")).hasSize(1);

    world.migration(V2, MigrationPhase.Succeeded, V2);
    CloudRunService ready = world.awaitReady("jwt");
    assertThat(ready.getStatus().getStableRelease()).isEqualTo(V2);
    assertThat(revisions("jwt")).hasSize(2);
  }

  @Test
  void aCandidateThatNeverBecomesReadyIsRolledBackWhileStableKeepsServing() {
    world.startOperator();
    String stable = deployFirst(CloudRunWorld.service("jwt", V1)).getStatus().getStableRevision();
    world.traffic.clear();

    world.migration(V2, MigrationPhase.Running, V1);
    world.apply(CloudRunWorld.service("jwt", V2));
    String candidate =
        world
            .await("jwt", r -> !stable.equals(r.getStatus().getDesiredRevision()))
            .getStatus()
            .getDesiredRevision();
    emulator.control().outcomes().failRevisions(candidate);
    world.migration(V2, MigrationPhase.Succeeded, V2);

    CloudRunService rolledBack = world.awaitReason("jwt", "Stalled", Reasons.ROLLED_BACK);
    assertThat(rolledBack.getStatus().getRollout().getPhase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(rolledBack.getStatus().getRollout().getRollbackReason()).contains(candidate);
    assertThat(rolledBack.getStatus().getStableRevision()).isEqualTo(stable);
    assertThat(world.traffic.observations())
        .allSatisfy(o -> assertThat(o.percentOf(candidate)).isZero());
    assertThat(
            world.google.cloudRun().findService(serviceName("jwt")).orElseThrow().trafficStatuses())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.revision()).contains(stable);
              assertThat(t.percent()).isEqualTo(100);
            });
  }

  @Test
  void aSteppedRolloutGoesThroughItsStepsInOrder() {
    world.startOperator();
    var v1 = stepped(CloudRunWorld.service("jwt", V1), List.of(10, 50, 100), 1);
    String stable = deployFirst(v1).getStatus().getStableRevision();
    world.traffic.clear();

    world.migration(V2, MigrationPhase.Succeeded, V2);
    world.apply(stepped(CloudRunWorld.service("jwt", V2), List.of(10, 50, 100), 1));
    CloudRunService ready = world.awaitReady("jwt");

    String candidate = ready.getStatus().getStableRevision();
    assertThat(candidate).isNotEqualTo(stable);
    assertThat(world.traffic.writes())
        .extracting(w -> w.percentOf(candidate))
        .containsExactly(0, 10, 50, 100);
    assertThat(revisions("jwt")).hasSize(2);
  }

  @Test
  void reApplyAndRestartMidRolloutCreateNoDuplicateAndTheRolloutContinues() {
    world.startOperator();
    var v1 = stepped(CloudRunWorld.service("jwt", V1), List.of(20, 100), 6);
    String stable = deployFirst(v1).getStatus().getStableRevision();
    world.traffic.clear();

    world.migration(V2, MigrationPhase.Succeeded, V2);
    var v2 = stepped(CloudRunWorld.service("jwt", V2), List.of(20, 100), 6);
    world.apply(v2);
    CloudRunService atTwenty =
        world.await(
            "jwt",
            r ->
                r.getStatus().getRollout() != null
                    && r.getStatus().getRollout().getPhase() == RolloutPhase.Promoting
                    && Integer.valueOf(20)
                        .equals(r.getStatus().getRollout().getCandidatePercent()));
    String candidate = atTwenty.getStatus().getCandidateRevision();

    world.stopOperator();
    world.apply(stepped(CloudRunWorld.service("jwt", V2), List.of(20, 100), 6));
    world.startOperator();
    CloudRunService ready = world.awaitReady("jwt");

    assertThat(ready.getStatus().getStableRevision()).isEqualTo(candidate);
    assertThat(revisions("jwt"))
        .extracting(r -> r.name().revision())
        .containsExactlyInAnyOrder(stable, candidate);
    assertThat(world.traffic.writes())
        .extracting(w -> w.percentOf(candidate))
        .containsExactly(0, 20, 100);
  }

  @Test
  void trafficEditedBehindTheOperatorsBackIsRestoredWithAnEvent() {
    world.startOperator();
    String first = deployFirst(CloudRunWorld.service("jwt", V1)).getStatus().getStableRevision();
    world.migration(V2, MigrationPhase.Succeeded, V2);
    world.apply(CloudRunWorld.service("jwt", V2));
    String second =
        world
            .await(
                "jwt",
                r ->
                    r.getStatus().getStableRevision() != null
                        && !first.equals(r.getStatus().getStableRevision())
                        && CloudRunWorld.condition(r, "Ready").get().getStatus()
                            == ConditionStatus.True)
            .getStatus()
            .getStableRevision();

    // Someone rolls back by hand in the console.
    var service = world.google.cloudRun().findService(serviceName("jwt")).orElseThrow();
    world
        .google
        .cloudRun()
        .updateService(
            serviceName("jwt"),
            new ServiceSpec(
                service.spec().labels(),
                service.spec().annotations(),
                service.spec().ingress(),
                service.spec().template(),
                List.of(TrafficTarget.toRevision(first, 100))),
            service.etag());

    CloudRunWorld.poll(
        () -> {
          var now = world.google.cloudRun().findService(serviceName("jwt")).orElseThrow();
          return TrafficSplit.same(now.spec().traffic(), TrafficSplit.allOn(second))
                  && now.trafficMatchesSpec()
              ? now
              : null;
        },
        "traffic restored to " + second);
    var restored =
        CloudRunWorld.poll(
            () ->
                world
                    .client
                    .events()
                    .v1()
                    .events()
                    .inNamespace(world.namespace)
                    .list()
                    .getItems()
                    .stream()
                    .filter(e -> Reasons.TRAFFIC_RESTORED.equals(e.getReason()))
                    .findFirst()
                    .orElse(null),
            "a TrafficRestored event");
    assertThat(restored.getType()).isEqualTo("Warning");
    assertThat(restored.getNote()).contains(first + " 100%").contains(second);
    assertThat(revisions("jwt")).hasSize(2);
  }

  @Test
  void deletionDeletesTheServiceUnlessRetained() {
    world.startOperator();
    deployFirst(CloudRunWorld.service("jwt", V1));
    var kept = CloudRunWorld.service("kept", V1);
    kept.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    world.apply(kept);
    world.awaitReady("kept");

    world
        .client
        .resources(CloudRunService.class)
        .inNamespace(world.namespace)
        .withName("jwt")
        .delete();
    world
        .client
        .resources(CloudRunService.class)
        .inNamespace(world.namespace)
        .withName("kept")
        .delete();
    CloudRunWorld.poll(
        () -> world.get("jwt") == null && world.get("kept") == null ? Boolean.TRUE : null,
        "both resources gone");
    assertThat(world.google.cloudRun().findService(serviceName("jwt"))).isEmpty();
    assertThat(world.google.cloudRun().findService(serviceName("kept"))).isPresent();
  }

  @Test
  void deletionWithoutARecordedServiceDeletesOnlyTheServiceThisResourceCreated() {
    world.startOperator();
    deployFirst(CloudRunWorld.service("jwt", V1));
    var resources = world.client.resources(CloudRunService.class).inNamespace(world.namespace);
    var intruder = CloudRunWorld.service("intruder", V1);
    intruder.getSpec().setServiceName("jwt");
    world.apply(intruder);
    world.awaitReason("intruder", "Stalled", "ServiceNotOwned");
    assertThat(world.get("intruder").getStatus().getExternalRef()).isNull();
    resources.withName("intruder").delete();
    CloudRunWorld.poll(() -> world.get("intruder") == null ? Boolean.TRUE : null, "intruder gone");
    assertThat(world.google.cloudRun().findService(serviceName("jwt"))).isPresent();

    // What a SIGKILL between the create and the status patch leaves: a service, no externalRef.
    world.stopOperator();
    CloudRunService seen = world.get("jwt");
    seen.setStatus(new CloudRunServiceStatus());
    resources.resource(seen).updateStatus();
    resources.withName("jwt").delete();
    world.startOperator();
    CloudRunWorld.poll(() -> world.get("jwt") == null ? Boolean.TRUE : null, "jwt gone");
    assertThat(world.google.cloudRun().findService(serviceName("jwt"))).isEmpty();
  }

  private static CloudRunService stepped(CloudRunService resource, List<Integer> steps, int pause) {
    var rollout = new RolloutSpec();
    rollout.setStrategy(RolloutStrategy.Stepped);
    rollout.setSteps(new ArrayList<>(steps));
    rollout.setPauseSeconds(pause);
    resource.getSpec().setRollout(rollout);
    return resource;
  }
}
