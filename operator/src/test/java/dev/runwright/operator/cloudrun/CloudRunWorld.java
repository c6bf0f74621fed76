package dev.runwright.operator.cloudrun;

import dev.runwright.emulator.Emulator;
import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudrun.CloudRunServiceSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.cloudsql.DatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseVersion;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.UserSpec;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.LocalObjectRef;
import dev.runwright.operator.api.common.SecretVersionRef;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobSpec;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.api.migration.MigrationPhase;
import dev.runwright.operator.config.ApiRateLimit;
import dev.runwright.operator.config.GoogleEndpoints;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.config.RateLimits;
import dev.runwright.operator.config.ResyncSchedule;
import dev.runwright.operator.gcp.GoogleAdapters;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperatorServices;
import dev.runwright.operator.reconcile.Resync;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One test's world: a namespace on the real apiserver, the emulator behind a {@link TrafficLog},
 * and the CloudRunService reconciler running in this JVM with a 2 s resync. Only this reconciler
 * runs, so the test drives the MigrationJob and CloudSqlDatabase statuses itself and the gate is
 * exercised deterministically. The operator can be stopped and started again like a restarted pod.
 */
final class CloudRunWorld implements AutoCloseable {
  static final String PROJECT = "runwright-test";
  static final String REGION = "asia-east1";
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final String DATABASE = "jwt-db";
  static final String MIGRATION = "jwt-migrate";
  static final String PASSWORD_SECRET = "jwt-db-password";

  final KubernetesClient client;
  final String namespace;
  final Emulator emulator;
  final TrafficLog traffic;
  final GoogleAdapters google;
  private final OperatorConfig config;
  private Operator operator;
  private GoogleAdapters operatorGoogle;

  CloudRunWorld(KubernetesClient client, String namespace, Emulator emulator) {
    this.client = client;
    this.namespace = namespace;
    this.emulator = emulator;
    this.traffic = TrafficLog.inFrontOf(emulator.endpoint());
    URI direct = URI.create(emulator.endpoint());
    this.config =
        new OperatorConfig(
            Optional.of(PROJECT),
            Set.of(),
            new ResyncSchedule(Duration.ofSeconds(2), 0.1),
            2,
            new RateLimits(
                new ApiRateLimit(600),
                new ApiRateLimit(3000),
                new ApiRateLimit(600),
                new ApiRateLimit(3000),
                Duration.ofSeconds(2)),
            new OperatorConfig.GoogleClientSettings(
                Duration.ofSeconds(10),
                new GoogleEndpoints(
                    Optional.of(traffic.endpoint()), Optional.of(direct), Optional.of(direct))),
            Set.of(namespace),
            new OperatorConfig.Logging(OperatorConfig.LogLevel.INFO, OperatorConfig.LogFormat.TEXT),
            0,
            new OperatorConfig.LeaderElection(false, "runwright-operator", Optional.empty()));
    this.google = GoogleAdapters.create(config, new SimpleMeterRegistry());
  }

  /** Starts the reconciler (again, after {@link #stopOperator}). */
  void startOperator() {
    operatorGoogle = GoogleAdapters.create(config, new SimpleMeterRegistry());
    Resync resync = new Resync(config.resync(), new Random());
    var services =
        new OperatorServices(
            config,
            operatorGoogle,
            Clock.systemUTC(),
            resync,
            new KubeEvents(client, Clock.systemUTC(), "test"));
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(true));
    operator.register(
        new CloudRunServiceReconciler(services),
        o ->
            o.settingNamespaces(Set.of(namespace)).withReconciliationMaxInterval(resync.longest()));
    operator.start();
  }

  void stopOperator() {
    if (operator != null) {
      operator.stop();
      operator = null;
      try {
        operatorGoogle.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // ---- the referenced resources, with statuses the test controls ----

  /** A Ready CloudSqlDatabase whose password secret exists in the emulator's Secret Manager. */
  void database() {
    SecretName secret = new SecretName(PROJECT, PASSWORD_SECRET);
    google.secrets().createSecret(secret, Map.of());
    google.secrets().addVersion(secret, SecretValue.ofUtf8("not-a-real-password"));
    var db = new CloudSqlDatabase();
    db.setMetadata(new ObjectMetaBuilder().withName(DATABASE).withNamespace(namespace).build());
    var spec = new CloudSqlDatabaseSpec();
    spec.setRegion(REGION);
    var instance = new InstanceSpec();
    instance.setName("jwt-mysql");
    instance.setDatabaseVersion(DatabaseVersion.MYSQL_8_0);
    instance.setTier("db-f1-micro");
    spec.setInstance(instance);
    var database = new DatabaseSpec();
    database.setName("jwt_auth_db");
    spec.setDatabase(database);
    var user = new UserSpec();
    user.setName("jwt_user");
    spec.setUser(user);
    db.setSpec(spec);
    CloudSqlDatabase created = client.resource(db).create();
    client
        .resources(CloudSqlDatabase.class)
        .inNamespace(namespace)
        .withName(DATABASE)
        .editStatus(
            d -> {
              var status = new CloudSqlDatabaseStatus();
              status.setObservedGeneration(created.getMetadata().getGeneration());
              status.setConditions(List.of(condition("Ready", ConditionStatus.True)));
              status.setConnectionName(PROJECT + ":" + REGION + ":jwt-mysql");
              status.setSocketPath("/cloudsql/" + PROJECT + ":" + REGION + ":jwt-mysql");
              status.setDatabaseName("jwt_auth_db");
              status.setUserName("jwt_user");
              var password = new SecretVersionRef();
              password.setSecret(secret.toString());
              password.setVersion("1");
              password.setVersionName(secret.version("1").toString());
              status.setPasswordSecret(password);
              d.setStatus(status);
              return d;
            });
  }

  /** The MigrationJob for {@code image}, with the status a migration reconciler would write. */
  void migration(String image, MigrationPhase phase, String succeededRelease) {
    var existing = client.resources(MigrationJob.class).inNamespace(namespace).withName(MIGRATION);
    if (existing.get() == null) {
      var job = new MigrationJob();
      job.setMetadata(new ObjectMetaBuilder().withName(MIGRATION).withNamespace(namespace).build());
      job.setSpec(migrationSpec(image));
      client.resource(job).create();
    } else {
      existing.edit(
          j -> {
            j.getSpec().setImage(image);
            return j;
          });
    }
    existing.editStatus(
        j -> {
          var status = new MigrationJobStatus();
          status.setObservedGeneration(j.getMetadata().getGeneration());
          status.setRelease(image);
          status.setPhase(phase);
          status.setSucceededRelease(succeededRelease);
          status.setConditions(
              List.of(
                  condition(
                      "Ready",
                      phase == MigrationPhase.Succeeded
                          ? ConditionStatus.True
                          : ConditionStatus.False)));
          j.setStatus(status);
          return j;
        });
  }

  private static MigrationJobSpec migrationSpec(String image) {
    var spec = new MigrationJobSpec();
    var ref = new LocalObjectRef();
    ref.setName(DATABASE);
    spec.setDatabaseRef(ref);
    spec.setImage(image);
    return spec;
  }

  private static Condition condition(String type, ConditionStatus status) {
    var c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(status == ConditionStatus.True ? "Succeeded" : "NotYet");
    c.setMessage("set by the test");
    c.setLastTransitionTime(
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    return c;
  }

  // ---- the CloudRunService ----

  static CloudRunService service(String name, String image) {
    var resource = new CloudRunService();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).build());
    var spec = new CloudRunServiceSpec();
    spec.setRegion(REGION);
    spec.setImage(image);
    var db = new LocalObjectRef();
    db.setName(DATABASE);
    spec.setDatabaseRef(db);
    var migration = new LocalObjectRef();
    migration.setName(MIGRATION);
    spec.setMigrationRef(migration);
    resource.setSpec(spec);
    return resource;
  }

  /** Server-side apply, as {@code kubectl apply --server-side} does. */
  CloudRunService apply(CloudRunService resource) {
    resource.getMetadata().setNamespace(namespace);
    resource.getMetadata().setResourceVersion(null);
    resource.setStatus(null);
    return client
        .resources(CloudRunService.class)
        .inNamespace(namespace)
        .resource(resource)
        .fieldManager("test")
        .forceConflicts()
        .serverSideApply();
  }

  CloudRunService get(String name) {
    return client.resources(CloudRunService.class).inNamespace(namespace).withName(name).get();
  }

  CloudRunService await(String name, Predicate<CloudRunService> condition) {
    return poll(
        () -> {
          CloudRunService seen = get(name);
          return seen != null && seen.getStatus() != null && condition.test(seen) ? seen : null;
        },
        "CloudRunService " + name);
  }

  CloudRunService awaitReady(String name) {
    return await(
        name,
        r ->
            condition(r, "Ready")
                .filter(c -> c.getStatus() == ConditionStatus.True)
                .filter(c -> r.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                .isPresent());
  }

  CloudRunService awaitReason(String name, String type, String reason) {
    return await(
        name,
        r ->
            condition(r, type)
                .filter(c -> c.getStatus() == ConditionStatus.True)
                .filter(c -> reason.equals(c.getReason()))
                .filter(c -> r.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                .isPresent());
  }

  static Optional<Condition> condition(CloudRunService resource, String type) {
    return resource.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  /** Polls every 100 ms until {@code probe} answers non-null, failing after {@link #TIMEOUT}. */
  static <T> T poll(Supplier<T> probe, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out after " + TIMEOUT + " waiting for " + what);
  }

  @Override
  public void close() throws Exception {
    stopOperator();
    google.close();
    traffic.close();
  }
}
