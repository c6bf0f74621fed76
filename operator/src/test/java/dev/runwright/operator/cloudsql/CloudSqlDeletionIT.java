package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Fault;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.operator.OperatorUnderTest;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.gcp.secrets.SecretName;
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

/**
 * Deleting a CloudSqlDatabase with {@code deletionPolicy: Delete} whose status never recorded what
 * the operator created (the operator killed before its status patch, or Google's answer lost after
 * the insert ran): what this resource provably created is deleted, nothing else.
 */
@WithKubeApiServer
class CloudSqlDeletionIT {
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

  private static CloudSqlDatabase deletable(String name, String instance) {
    var declared = CloudSqlCluster.manage(name, instance);
    declared.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    declared.getSpec().getInstance().setDeletionProtection(false);
    return declared;
  }

  /** What a SIGKILL before the status patch leaves: the Google resources, no refs in status. */
  private void forgetStatus(String name) {
    CloudSqlDatabase seen = cluster.get(name);
    seen.setStatus(new CloudSqlDatabaseStatus());
    cluster.resources().resource(seen).updateStatus();
  }

  @Test
  void deleteWithoutRecordedRefsRemovesTheInstanceAndSecretThisResourceCreated() {
    cluster.operator.start();
    cluster.apply(deletable("unrecorded", "unrecorded-db"));
    cluster.awaitReady("unrecorded");
    cluster.operator.stop();
    forgetStatus("unrecorded");

    cluster.resources().withName("unrecorded").delete();
    cluster.operator.start();
    cluster.awaitGone("unrecorded");

    assertThat(cluster.google.sqlAdmin().findInstance(instance("unrecorded-db"))).isEmpty();
    assertThat(
            cluster
                .google
                .secrets()
                .findSecret(new SecretName(PROJECT, "unrecorded-jwt-service-password")))
        .isEmpty();
  }

  @Test
  void anAdoptedInstanceIsNeverDeletedFromSpecNames() {
    SqlInstanceName name = instance("theirs-db");
    cluster.google.sqlAdmin().createInstance(foreignInstance(name));
    cluster.operator.start();
    var declared = deletable("adopter", "theirs-db");
    declared.getSpec().getInstance().setAdoptExisting(true);
    cluster.apply(declared);
    cluster.awaitReady("adopter");
    cluster.operator.stop();
    forgetStatus("adopter");

    cluster.resources().withName("adopter").delete();
    cluster.operator.start();
    cluster.awaitGone("adopter");

    assertThat(cluster.google.sqlAdmin().findInstance(name)).isPresent();
    assertThat(emulator.control().counters().count("sql.instances.delete")).isZero();
    // The secret carries this resource's labels: it made it, so it goes.
    assertThat(
            cluster
                .google
                .secrets()
                .findSecret(new SecretName(PROJECT, "adopter-jwt-service-password")))
        .isEmpty();
  }

  /**
   * The password secret is recorded in status only once the user has its password; a resource
   * deleted before that (here: the user cannot be created) still takes its secret along.
   */
  @Test
  void deleteBeforeTheUserExistsRemovesThePasswordSecret() {
    emulator.control().faults().add(Fault.status("sql.users.insert", 503, -1));
    cluster.operator.start();
    cluster.apply(deletable("userless", "userless-db"));
    SecretName secret = new SecretName(PROJECT, "userless-jwt-service-password");
    await()
        .atMost(CloudSqlCluster.TIMEOUT)
        .until(() -> emulator.control().counters().count("sql.users.insert") > 0);
    assertThat(cluster.google.secrets().findSecret(secret)).isPresent();
    assertThat(cluster.get("userless").getStatus().getPasswordSecret()).isNull();

    cluster.resources().withName("userless").delete();
    cluster.awaitGone("userless");

    assertThat(cluster.google.sqlAdmin().findInstance(instance("userless-db"))).isEmpty();
    assertThat(cluster.google.secrets().findSecret(secret)).isEmpty();
  }

  /**
   * The insert's answer never arrives (it takes longer than the client's 5 s timeout) but Google
   * runs it; every later reconcile fails before it could record the instance; then the resource is
   * deleted.
   */
  @Test
  void deleteAfterAnInsertWhoseAnswerWasLostRemovesTheInstance() {
    Duration slowInsert = Duration.ofSeconds(7);
    emulator
        .control()
        .faults()
        .add(new Fault("sql.instances.insert", null, 0, 0, slowInsert, false, 1, 1.0));
    cluster.operator.start();
    cluster.apply(deletable("lost", "lost-db"));
    await()
        .atMost(CloudSqlCluster.TIMEOUT)
        .until(() -> emulator.control().counters().count("sql.instances.insert") == 1);
    long insertSeen = System.nanoTime();
    emulator.control().faults().add(Fault.status("sql.instances.get", 503, -1));
    cluster.awaitStatus(
        "lost",
        r ->
            CloudSqlCluster.condition(r, "Reconciling")
                .filter(c -> "RetryingAfterError".equals(c.getReason()))
                .isPresent());
    await()
        .atMost(CloudSqlCluster.TIMEOUT)
        .until(() -> System.nanoTime() - insertSeen > slowInsert.plusSeconds(1).toNanos());
    assertThat(cluster.get("lost").getStatus().getExternalRef()).isNull();

    cluster.resources().withName("lost").delete();
    // Google still fails: the finalizer stays until the deletion could look.
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertThat(cluster.get("lost")).isNotNull();
    emulator.control().faults().clear();
    cluster.awaitGone("lost");

    assertThat(cluster.google.sqlAdmin().findInstance(instance("lost-db"))).isEmpty();
    assertThat(emulator.control().counters().count("sql.instances.insert")).isEqualTo(1);
    assertThat(emulator.control().counters().count("sql.instances.delete")).isEqualTo(1);
  }

  private static SqlInstanceSpec foreignInstance(SqlInstanceName name) {
    return new SqlInstanceSpec(
        name,
        "MYSQL_8_0",
        "europe-west1",
        SqlSettings.none().withTier("db-f1-micro").withDeletionProtection(false),
        Map.of("team", "dba"));
  }

  private static SqlInstanceName instance(String name) {
    return new SqlInstanceName(PROJECT, name);
  }
}
