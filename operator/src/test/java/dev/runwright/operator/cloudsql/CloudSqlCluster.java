package dev.runwright.operator.cloudsql;

import static org.awaitility.Awaitility.await;

import dev.runwright.emulator.Emulator;
import dev.runwright.operator.OperatorUnderTest;
import dev.runwright.operator.api.cloudsql.BackupSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseFlag;
import dev.runwright.operator.api.cloudsql.DatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseVersion;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.StorageSpec;
import dev.runwright.operator.api.cloudsql.UserSpec;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.gcp.GoogleAdapters;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One test's world: a namespace on the real apiserver, the emulator, the operator watching that
 * namespace, and Google clients (the same adapters) for the test to look at the cloud state.
 */
final class CloudSqlCluster implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final KubernetesClient client;
  final String namespace;
  final Emulator emulator;
  final OperatorUnderTest operator;
  final GoogleAdapters google;

  CloudSqlCluster(KubernetesClient client, String namespace, Emulator emulator) {
    this.client = client;
    this.namespace = namespace;
    this.emulator = emulator;
    this.operator = new OperatorUnderTest(OperatorUnderTest.config(emulator, namespace), client);
    this.google =
        GoogleAdapters.create(
            OperatorUnderTest.config(emulator, namespace), new SimpleMeterRegistry());
  }

  NonNamespaceOperation<
          CloudSqlDatabase, KubernetesResourceList<CloudSqlDatabase>, Resource<CloudSqlDatabase>>
      resources() {
    return client.resources(CloudSqlDatabase.class).inNamespace(namespace);
  }

  /** A Manage spec: instance with tier and version, database, user. */
  static CloudSqlDatabase manage(String name, String instance) {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).build());
    var spec = new CloudSqlDatabaseSpec();
    spec.setRegion("europe-west1");
    var instanceSpec = new InstanceSpec();
    instanceSpec.setName(instance);
    instanceSpec.setDatabaseVersion(DatabaseVersion.MYSQL_8_0);
    instanceSpec.setTier("db-f1-micro");
    var storage = new StorageSpec();
    storage.setSizeGb(20);
    storage.setAutoResizeLimitGb(50);
    instanceSpec.setStorage(storage);
    var backups = new BackupSpec();
    backups.setEnabled(true);
    backups.setStartTime("03:00");
    backups.setRetainedBackups(7);
    instanceSpec.setBackups(backups);
    var flag = new DatabaseFlag();
    flag.setName("max_connections");
    flag.setValue("200");
    instanceSpec.setDatabaseFlags(java.util.List.of(flag));
    spec.setInstance(instanceSpec);
    var database = new DatabaseSpec();
    database.setName("jwt");
    spec.setDatabase(database);
    var user = new UserSpec();
    user.setName("jwt-service");
    spec.setUser(user);
    resource.setSpec(spec);
    return resource;
  }

  /** Server-side apply, as kubectl apply --server-side does. */
  CloudSqlDatabase apply(CloudSqlDatabase resource) {
    resource.getMetadata().setNamespace(namespace);
    resource.getMetadata().setResourceVersion(null);
    resource.setStatus(null);
    return resources().resource(resource).fieldManager("test").forceConflicts().serverSideApply();
  }

  CloudSqlDatabase get(String name) {
    return resources().withName(name).get();
  }

  CloudSqlDatabase awaitStatus(String name, Predicate<CloudSqlDatabase> condition) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              CloudSqlDatabase seen = get(name);
              return seen != null && seen.getStatus() != null && condition.test(seen);
            });
    return get(name);
  }

  CloudSqlDatabase awaitReady(String name) {
    return awaitStatus(
        name,
        r ->
            condition(r, "Ready")
                .filter(c -> c.getStatus() == ConditionStatus.True)
                .filter(c -> r.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                .isPresent());
  }

  CloudSqlDatabase awaitStalled(String name, String reason) {
    return awaitStatus(
        name,
        r ->
            condition(r, "Stalled")
                .filter(c -> c.getStatus() == ConditionStatus.True)
                .filter(c -> reason.equals(c.getReason()))
                .isPresent());
  }

  static Optional<Condition> condition(CloudSqlDatabase resource, String type) {
    return resource.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  void awaitGone(String name) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> get(name) == null);
  }

  @Override
  public void close() throws Exception {
    operator.close();
    google.close();
  }
}
