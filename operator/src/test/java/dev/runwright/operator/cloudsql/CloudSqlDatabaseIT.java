package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallCounters;
import dev.runwright.emulator.control.Fault;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.operator.OperatorUnderTest;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.ManagementPolicy;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretVersionName;
import dev.runwright.operator.gcp.sql.SqlInstance;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import dev.runwright.operator.gcp.sql.SqlInstanceSpec;
import dev.runwright.operator.gcp.sql.SqlSettings;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudSqlDatabase reconciler in the operator built by its composition root, on a real
 * kube-apiserver, against the emulator through the real Google clients. Call counts come from the
 * emulator's counters.
 */
@WithKubeApiServer
class CloudSqlDatabaseIT {
  private static final Logger LOG = LoggerFactory.getLogger(CloudSqlDatabaseIT.class);
  private static final String PROJECT = OperatorUnderTest.PROJECT;

  private static Emulator emulator;
  private CloudSqlCluster cluster;

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
    emulator.control().setLatencies(Latencies.none());
    cluster = new CloudSqlCluster(client, namespace.name(), emulator);
  }

  @AfterEach
  void tearDown() throws Exception {
    cluster.close();
  }

  private CallCounters counters() {
    return emulator.control().counters();
  }

  private static SqlInstanceName instance(String name) {
    return new SqlInstanceName(PROJECT, name);
  }

  @Test
  void createReachesReadyWithTheExactCloudState() {
    cluster.operator.start();
    var declared = CloudSqlCluster.manage("orders", "orders-db");
    declared.getSpec().getInstance().setTier("db-custom-1-3840");
    cluster.apply(declared);

    CloudSqlDatabase ready = cluster.awaitReady("orders");
    LOG.info("Google calls to create: {}", counters().snapshot());

    var status = ready.getStatus();
    assertThat(status.getConnectionName()).isEqualTo(PROJECT + ":europe-west1:orders-db");
    assertThat(status.getSocketPath())
        .isEqualTo("/cloudsql/" + PROJECT + ":europe-west1:orders-db");
    assertThat(status.getExternalRef().getName())
        .isEqualTo("projects/" + PROJECT + "/instances/orders-db");
    assertThat(status.getExternalRef().getOwned()).isTrue();
    assertThat(status.getDatabaseName()).isEqualTo("jwt");
    assertThat(status.getUserName()).isEqualTo("jwt-service");
    assertThat(status.getInstanceState()).isEqualTo("RUNNABLE");
    assertThat(status.getPendingOperation()).isNull();
    assertThat(status.getAppliedSettingsHash()).hasSize(16);
    assertThat(status.getPasswordSecret().getSecret())
        .isEqualTo("projects/" + PROJECT + "/secrets/orders-jwt-service-password");
    assertThat(status.getPasswordSecret().getVersion()).isEqualTo("1");
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getMetadata().getFinalizers()).hasSize(1);

    SqlInstance instance =
        cluster.google.sqlAdmin().findInstance(instance("orders-db")).orElseThrow();
    assertThat(instance.databaseVersion()).isEqualTo("MYSQL_8_0");
    assertThat(instance.region()).isEqualTo("europe-west1");
    assertThat(instance.settings().tier()).contains("db-custom-1-3840");
    assertThat(instance.settings().deletionProtection()).contains(true);
    assertThat(instance.settings().dataDiskSizeGb()).contains(20L);
    assertThat(instance.settings().storageAutoResizeLimitGb()).contains(50L);
    assertThat(instance.settings().backupsEnabled()).contains(true);
    assertThat(instance.settings().backupStartTime()).contains("03:00");
    assertThat(instance.settings().retainedBackups()).contains(7);
    assertThat(instance.settings().databaseFlags()).contains(Map.of("max_connections", "200"));
    assertThat(instance.labels()).containsEntry("managed-by", "runwright");
    assertThat(cluster.google.sqlAdmin().findDatabase(instance("orders-db").database("jwt")))
        .hasValueSatisfying(db -> assertThat(db.charset()).isEqualTo("utf8mb4"));
    assertThat(cluster.google.sqlAdmin().userExists(instance("orders-db").user("jwt-service", "%")))
        .isTrue();
    SecretName secret = new SecretName(PROJECT, "orders-jwt-service-password");
    assertThat(cluster.google.secrets().listVersions(secret)).hasSize(1);
    assertThat(cluster.google.secrets().accessVersion(secret.version("1")).utf8()).hasSize(32);
    assertThat(counters().count("sql.instances.insert")).isEqualTo(1);
    assertThat(counters().count("sql.databases.insert")).isEqualTo(1);
    assertThat(counters().count("sql.users.insert")).isEqualTo(1);
    assertThat(counters().count("sql.users.update")).isZero();
    assertThat(counters().count("secretmanager.secrets.addVersion")).isEqualTo(1);
    assertThat(
            cluster.client.events().v1().events().inNamespace(cluster.namespace).list().getItems())
        .filteredOn(e -> "Normal".equals(e.getType()))
        .extracting(e -> e.getReason())
        .contains("CreatingInstance", "CreatingDatabase", "PasswordVersionAdded", "CreatingUser");
    // Nothing secret in status.
    assertThat(cluster.client.resource(ready).get().toString())
        .doesNotContain(cluster.google.secrets().accessVersion(secret.version("1")).utf8());
  }

  @Test
  void reapplyAndResyncsMakeNoWrites() throws Exception {
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("steady", "steady-db"));
    cluster.awaitReady("steady");
    counters().reset();

    cluster.apply(CloudSqlCluster.manage("steady", "steady-db"));
    // Resync every 2 s (+10% jitter): about three resyncs.
    Thread.sleep(OperatorUnderTest.RESYNC.multipliedBy(3).plusMillis(800).toMillis());

    LOG.info("Google calls in steady state (3 resyncs): {}", counters().snapshot());
    assertThat(counters().writes(Api.SQL)).isZero();
    assertThat(counters().writes(Api.SECRETS)).isZero();
    assertThat(counters().count("sql.instances.get")).isBetween(2L, 5L);
    assertThat(counters().reads(Api.SQL))
        .isLessThanOrEqualTo(3 * counters().count("sql.instances.get"));
    // One secret read per resync (a resync still in flight may have read the instance only).
    long resyncs = counters().count("sql.instances.get");
    assertThat(counters().reads(Api.SECRETS)).isBetween(resyncs - 1, resyncs);
    assertThat(cluster.get("steady").getMetadata().getGeneration()).isEqualTo(1);
  }

  @Test
  void restartDuringSlowCreationEndsWithExactlyOneOfEach() {
    emulator
        .control()
        .setLatencies(
            Latencies.none()
                .withSqlInstanceCreate(Duration.ofSeconds(3))
                .withSqlDatabaseOrUser(Duration.ofMillis(500)));
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("restart", "restart-db"));
    cluster.awaitStatus(
        "restart",
        r ->
            r.getStatus().getPendingOperation() != null
                && "CreateInstance".equals(r.getStatus().getPendingOperation().getAction()));
    cluster.operator.stop();
    cluster.operator.start();

    cluster.awaitReady("restart");
    assertThat(counters().count("sql.instances.insert")).isEqualTo(1);
    assertThat(counters().count("sql.databases.insert")).isEqualTo(1);
    assertThat(counters().count("sql.users.insert")).isEqualTo(1);
    assertThat(counters().count("secretmanager.secrets.create")).isEqualTo(1);
    assertThat(
            cluster
                .google
                .secrets()
                .listVersions(new SecretName(PROJECT, "restart-jwt-service-password")))
        .hasSize(1);
  }

  @Test
  void rateLimitAndUnavailableStormsConvergeWithBoundedCalls() {
    emulator.control().faults().add(Fault.rateLimited("sql.*", 6, 1));
    emulator.control().faults().add(Fault.status("secretmanager.*", 503, 4));
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("storm", "storm-db"));

    cluster.awaitReady("storm");
    LOG.info("Google calls through the storms: {}", counters().snapshot());
    assertThat(counters().count("sql.instances.insert")).isEqualTo(1);
    assertThat(
            cluster
                .google
                .secrets()
                .listVersions(new SecretName(PROJECT, "storm-jwt-service-password")))
        .hasSize(1);
    // 10 failed calls, backoff 1, 2, 4, ... s: a bounded number of calls, not a tight loop.
    long total = counters().total();
    assertThat(total).isLessThan(60);
  }

  @Test
  void adoptionIsRefusedWithoutTheFlag() {
    var existing = instance("dba-owned");
    cluster
        .google
        .sqlAdmin()
        .createInstance(
            new SqlInstanceSpec(
                existing, "MYSQL_8_0", "europe-west1", SqlSettings.none().withTier("db-g1-small")));
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("adopt", "dba-owned"));

    var stalled = cluster.awaitStalled("adopt", "InstanceExists");
    assertThat(CloudSqlCluster.condition(stalled, "Stalled").orElseThrow().getMessage())
        .contains("adoptExisting");
    assertThat(counters().count("sql.instances.insert")).isEqualTo(1);
    assertThat(counters().count("sql.instances.patch")).isZero();
    assertThat(counters().writes(Api.SECRETS)).isZero();

    var adopting = CloudSqlCluster.manage("adopt", "dba-owned");
    adopting.getSpec().getInstance().setAdoptExisting(true);
    cluster.apply(adopting);
    var ready = cluster.awaitReady("adopt");
    assertThat(ready.getStatus().getExternalRef().getOwned()).isTrue();
    SqlInstance adopted = cluster.google.sqlAdmin().findInstance(existing).orElseThrow();
    assertThat(adopted.settings().tier()).contains("db-f1-micro");
    assertThat(counters().count("sql.instances.insert")).isEqualTo(1);
  }

  @Test
  void observeNeverWrites() {
    var existing = instance("observed");
    cluster
        .google
        .sqlAdmin()
        .createInstance(
            new SqlInstanceSpec(
                existing, "MYSQL_8_0", "europe-west1", SqlSettings.none().withTier("db-g1-small")));
    counters().reset();
    cluster.operator.start();
    var observe = CloudSqlCluster.manage("observer", "observed");
    observe.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    observe.getSpec().getInstance().setTier(null);
    observe.getSpec().getInstance().setDatabaseVersion(null);
    observe.getSpec().getInstance().setStorage(null);
    observe.getSpec().getInstance().setBackups(null);
    observe.getSpec().getInstance().setDatabaseFlags(null);
    observe.getSpec().setDatabase(null);
    observe.getSpec().setUser(null);
    cluster.apply(observe);

    var ready = cluster.awaitReady("observer");
    assertThat(ready.getStatus().getConnectionName()).isEqualTo(PROJECT + ":europe-west1:observed");
    assertThat(ready.getStatus().getExternalRef().getOwned()).isFalse();
    await().pollDelay(OperatorUnderTest.RESYNC.plusSeconds(1)).until(() -> true);
    assertThat(counters().writes(Api.SQL)).isZero();
    assertThat(counters().snapshot().keySet()).noneMatch(m -> m.startsWith("secretmanager."));

    cluster.resources().withName("observer").delete();
    cluster.awaitGone("observer");
    assertThat(counters().writes(Api.SQL)).isZero();
    assertThat(cluster.google.sqlAdmin().findInstance(existing)).isPresent();
  }

  @Test
  void rotationMakesExactlyOneNewVersion() throws Exception {
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("rotate", "rotate-db"));
    cluster.awaitReady("rotate");
    counters().reset();

    var rotated = CloudSqlCluster.manage("rotate", "rotate-db");
    rotated.getSpec().getUser().setRotationToken("2026-11-25");
    cluster.apply(rotated);
    var ready =
        cluster.awaitStatus(
            "rotate",
            r ->
                "2026-11-25".equals(r.getStatus().getAppliedRotationToken())
                    && CloudSqlCluster.condition(r, "Ready")
                        .map(c -> c.getStatus().name())
                        .orElse("")
                        .equals("True"));
    LOG.info("Google calls to rotate: {}", counters().snapshot());
    Thread.sleep(OperatorUnderTest.RESYNC.multipliedBy(2).toMillis());

    SecretName secret = new SecretName(PROJECT, "rotate-jwt-service-password");
    assertThat(cluster.google.secrets().listVersions(secret)).hasSize(2);
    assertThat(ready.getStatus().getPasswordSecret().getVersion()).isEqualTo("2");
    assertThat(counters().count("secretmanager.secrets.addVersion")).isEqualTo(1);
    assertThat(counters().count("sql.users.update")).isEqualTo(1);
    assertThat(
            SecretVersionName.parse(ready.getStatus().getPasswordSecret().getVersionName())
                .version())
        .isEqualTo("2");
  }

  @Test
  void driftAndSpecChangesAreCorrectedWithOnePatch() {
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("drift", "drift-db"));
    cluster.awaitReady("drift");
    SqlInstance before = cluster.google.sqlAdmin().findInstance(instance("drift-db")).orElseThrow();
    cluster
        .google
        .sqlAdmin()
        .patchInstance(
            before.name(),
            SqlSettings.none().withTier("db-g1-small").withDeletionProtection(false),
            0);
    counters().reset();

    await()
        .atMost(CloudSqlCluster.TIMEOUT)
        .until(
            () ->
                cluster
                        .google
                        .sqlAdmin()
                        .findInstance(before.name())
                        .orElseThrow()
                        .settings()
                        .tier()
                        .equals(java.util.Optional.of("db-f1-micro"))
                    && cluster
                        .google
                        .sqlAdmin()
                        .findInstance(before.name())
                        .orElseThrow()
                        .settings()
                        .deletionProtection()
                        .equals(java.util.Optional.of(true)));
    assertThat(counters().count("sql.instances.patch")).isEqualTo(1);

    counters().reset();
    var changed = CloudSqlCluster.manage("drift", "drift-db");
    changed.getSpec().getInstance().setTier("db-custom-2-7680");
    cluster.apply(changed);
    cluster.awaitReady("drift");
    LOG.info("Google calls to update the tier: {}", counters().snapshot());
    assertThat(
            cluster.google.sqlAdmin().findInstance(before.name()).orElseThrow().settings().tier())
        .contains("db-custom-2-7680");
    assertThat(counters().count("sql.instances.patch")).isEqualTo(1);
    assertThat(counters().writes(Api.SECRETS)).isZero();
  }

  @Test
  void retainKeepsEveryCloudResource() {
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("keep", "keep-db"));
    cluster.awaitReady("keep");
    counters().reset();

    cluster.resources().withName("keep").delete();
    cluster.awaitGone("keep");
    LOG.info("Google calls to delete with Retain: {}", counters().snapshot());
    assertThat(counters().writes(Api.SQL)).isZero();
    assertThat(counters().writes(Api.SECRETS)).isZero();
    assertThat(cluster.google.sqlAdmin().findInstance(instance("keep-db"))).isPresent();
    assertThat(cluster.google.sqlAdmin().findDatabase(instance("keep-db").database("jwt")))
        .isPresent();
    assertThat(cluster.google.sqlAdmin().userExists(instance("keep-db").user("jwt-service", "%")))
        .isTrue();
    assertThat(
            cluster
                .google
                .secrets()
                .findSecret(new SecretName(PROJECT, "keep-jwt-service-password")))
        .isPresent();
  }

  @Test
  void deleteRemovesTheInstanceWhenUnprotected() {
    cluster.operator.start();
    var declared = CloudSqlCluster.manage("gone", "gone-db");
    declared.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    declared.getSpec().getInstance().setDeletionProtection(false);
    cluster.apply(declared);
    cluster.awaitReady("gone");
    counters().reset();

    cluster.resources().withName("gone").delete();
    cluster.awaitGone("gone");
    LOG.info("Google calls to delete with Delete: {}", counters().snapshot());
    assertThat(cluster.google.sqlAdmin().findInstance(instance("gone-db"))).isEmpty();
    assertThat(
            cluster
                .google
                .secrets()
                .findSecret(new SecretName(PROJECT, "gone-jwt-service-password")))
        .isEmpty();
    assertThat(counters().count("sql.instances.delete")).isEqualTo(1);
  }

  @Test
  void deleteWithDeletionProtectionKeepsTheInstance() {
    cluster.operator.start();
    var declared = CloudSqlCluster.manage("guarded", "guarded-db");
    declared.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    cluster.apply(declared);
    cluster.awaitReady("guarded");
    counters().reset();

    cluster.resources().withName("guarded").delete();
    cluster.awaitGone("guarded");
    LOG.info(
        "Google calls to delete with Delete and deletion protection: {}", counters().snapshot());
    SqlInstance kept = cluster.google.sqlAdmin().findInstance(instance("guarded-db")).orElseThrow();
    assertThat(kept.settings().deletionProtection()).contains(true);
    assertThat(cluster.google.sqlAdmin().findDatabase(instance("guarded-db").database("jwt")))
        .isEmpty();
    assertThat(
            cluster.google.sqlAdmin().userExists(instance("guarded-db").user("jwt-service", "%")))
        .isFalse();
    assertThat(counters().count("sql.instances.delete")).isZero();
  }

  @Test
  void specGoogleRejectsEndsStalledWithGooglesMessage() {
    cluster.operator.start();
    var declared = CloudSqlCluster.manage("bad-tier", "bad-tier-db");
    declared.getSpec().getInstance().setTier("db-enormous-9000");
    cluster.apply(declared);

    var stalled = cluster.awaitStalled("bad-tier", "GoogleRejected");
    assertThat(CloudSqlCluster.condition(stalled, "Stalled").orElseThrow().getMessage())
        .contains("Invalid Tier (db-enormous-9000)");
    assertThat(CloudSqlCluster.condition(stalled, "Ready").orElseThrow().getStatus().name())
        .isEqualTo("False");
    // Not retried in a loop: at most one more attempt per resync.
    await().pollDelay(OperatorUnderTest.RESYNC.multipliedBy(2)).until(() -> true);
    assertThat(counters().count("sql.instances.insert")).isLessThanOrEqualTo(4);
    assertThat(
            cluster.client.events().v1().events().inNamespace(cluster.namespace).list().getItems())
        .anyMatch(e -> "Warning".equals(e.getType()) && e.getNote().contains("Invalid Tier"));
  }

  @Test
  void aFailedOperationIsRetriedAtABoundedRateUntilItSucceeds() {
    cluster.operator.start();
    cluster.apply(CloudSqlCluster.manage("flaky", "flaky-db"));
    cluster.awaitReady("flaky");
    emulator.control().outcomes().failSqlOperationsOn("flaky-db");
    counters().reset();

    var changed = CloudSqlCluster.manage("flaky", "flaky-db");
    changed.getSpec().getInstance().setTier("db-custom-2-7680");
    long generation = cluster.apply(changed).getMetadata().getGeneration();
    var stalled = cluster.awaitStalled("flaky", "OperationFailed");
    assertThat(CloudSqlCluster.condition(stalled, "Stalled").orElseThrow().getMessage())
        .contains("injected by the emulator");
    long failingSince = System.nanoTime();
    Duration failing = OperatorUnderTest.RESYNC.multipliedBy(4);
    await().pollDelay(failing).until(() -> true);
    long patches = counters().count("sql.instances.patch");
    double seconds = (System.nanoTime() - failingSince) / 1e9;
    LOG.info("instances.patch while the operation kept failing for {} s: {}", seconds, patches);
    // Retried, but at most once per resync (the test operator resyncs every 2 s), never a loop.
    assertThat(patches).isBetween(2L, 2 + (long) (seconds / OperatorUnderTest.RESYNC.toSeconds()));

    emulator.control().outcomes().clear();
    var ready = cluster.awaitReady("flaky");
    assertThat(ready.getMetadata().getGeneration()).isEqualTo(generation);
    assertThat(
            cluster.google.sqlAdmin().findInstance(instance("flaky-db")).orElseThrow().settings())
        .extracting(SqlSettings::tier)
        .isEqualTo(java.util.Optional.of("db-custom-2-7680"));
  }
}
