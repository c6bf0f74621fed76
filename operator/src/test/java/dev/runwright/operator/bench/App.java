package dev.runwright.operator.bench;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudrun.CloudRunServiceSpec;
import dev.runwright.operator.api.cloudrun.RolloutSpec;
import dev.runwright.operator.api.cloudrun.RolloutStrategy;
import dev.runwright.operator.api.cloudrun.ScalingSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseFlag;
import dev.runwright.operator.api.cloudsql.DatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseVersion;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.StorageSpec;
import dev.runwright.operator.api.cloudsql.UserSpec;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.api.common.LocalObjectRef;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Locale;

/**
 * One application as a platform team ships it: a CloudSqlDatabase, the MigrationJob of its release
 * and the CloudRunService gated on that migration, all three named like the application. The
 * benchmark and the soak create applications in bulk; {@link Desired} is what the user last
 * applied.
 */
record App(String namespace, String name) {
  static final String REGION = "europe-west1";
  static final String FIELD_MANAGER = "runwright-bench";
  static final String DATABASE = "app";
  static final String USER = "app";

  /**
   * What the user last applied: the release (image tag), the max_connections flag, the maximum
   * instances, the password rotation token (0 = none) and the deletion policy of the database and
   * the service.
   */
  record Desired(
      int release, int maxConnections, int maxInstances, int rotation, DeletionPolicy deletion) {
    static Desired initial(DeletionPolicy deletion) {
      return new Desired(1, 100, 3, 0, deletion);
    }

    Desired nextRelease() {
      return new Desired(release + 1, maxConnections, maxInstances, rotation, deletion);
    }

    Desired nextMaxConnections() {
      return new Desired(release, maxConnections + 1, maxInstances, rotation, deletion);
    }

    Desired nextMaxInstances() {
      return new Desired(release, maxConnections, maxInstances % 9 + 1, rotation, deletion);
    }

    Desired nextRotation() {
      return new Desired(release, maxConnections, maxInstances, rotation + 1, deletion);
    }

    String image() {
      return "runwright/jwt-service:1." + release + ".0";
    }
  }

  /** Application {@code index} of a namespace; names are unique across namespaces. */
  static App of(String namespace, int index) {
    String suffix = namespace.substring(namespace.lastIndexOf('-') + 1);
    return new App(namespace, String.format(Locale.ROOT, "app-%s-%04d", suffix, index));
  }

  /** Cloud SQL instance names are unique per project, so the namespace is part of it. */
  String instanceName() {
    return (namespace + "-" + name).replaceAll("[^a-z0-9-]", "-");
  }

  /** The operator's default password secret ID. */
  String secretId() {
    return name + "-" + USER + "-password";
  }

  /** The operator's Cloud Run job ID for the MigrationJob. */
  String jobId() {
    return namespace + "-" + name;
  }

  /** The Cloud Run service ID (the CloudRunService's name). */
  String serviceId() {
    return name;
  }

  /** Applies all three resources (server-side apply, the order a GitOps tool might use). */
  void apply(KubernetesClient client, Desired desired) {
    applyDatabase(client, desired);
    applyMigration(client, desired);
    applyService(client, desired);
  }

  void applyDatabase(KubernetesClient client, Desired desired) {
    serverSideApply(client, database(desired));
  }

  void applyMigration(KubernetesClient client, Desired desired) {
    serverSideApply(client, migration(desired));
  }

  void applyService(KubernetesClient client, Desired desired) {
    serverSideApply(client, service(desired));
  }

  /** Deletes all three resources (the operator's finalizers decide what happens in Google). */
  void delete(KubernetesClient client) {
    client.resources(CloudRunService.class).inNamespace(namespace).withName(name).delete();
    client.resources(MigrationJob.class).inNamespace(namespace).withName(name).delete();
    client.resources(CloudSqlDatabase.class).inNamespace(namespace).withName(name).delete();
  }

  CloudSqlDatabase database(Desired desired) {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(metadata());
    var spec = new CloudSqlDatabaseSpec();
    spec.setRegion(REGION);
    var instance = new InstanceSpec();
    instance.setName(instanceName());
    instance.setDatabaseVersion(DatabaseVersion.MYSQL_8_0);
    instance.setTier("db-f1-micro");
    var storage = new StorageSpec();
    storage.setSizeGb(10);
    instance.setStorage(storage);
    var flag = new DatabaseFlag();
    flag.setName("max_connections");
    flag.setValue(Integer.toString(desired.maxConnections()));
    instance.setDatabaseFlags(List.of(flag));
    // Deletion protection (on by default) keeps the instance whatever the policy; Delete means all.
    instance.setDeletionProtection(desired.deletion() == DeletionPolicy.Retain);
    spec.setInstance(instance);
    var database = new DatabaseSpec();
    database.setName(DATABASE);
    spec.setDatabase(database);
    var user = new UserSpec();
    user.setName(USER);
    if (desired.rotation() > 0) {
      user.setRotationToken("r" + desired.rotation());
    }
    spec.setUser(user);
    spec.setDeletionPolicy(desired.deletion());
    resource.setSpec(spec);
    return resource;
  }

  MigrationJob migration(Desired desired) {
    var resource = new MigrationJob();
    resource.setMetadata(metadata());
    var spec = new MigrationJobSpec();
    spec.setDatabaseRef(ref());
    spec.setRegion(REGION);
    spec.setImage(desired.image());
    spec.setArgs(List.of("migrate"));
    resource.setSpec(spec);
    return resource;
  }

  CloudRunService service(Desired desired) {
    var resource = new CloudRunService();
    resource.setMetadata(metadata());
    var spec = new CloudRunServiceSpec();
    spec.setRegion(REGION);
    spec.setImage(desired.image());
    spec.setDatabaseRef(ref());
    spec.setMigrationRef(ref());
    var scaling = new ScalingSpec();
    scaling.setMinInstances(0);
    scaling.setMaxInstances(desired.maxInstances());
    spec.setScaling(scaling);
    var rollout = new RolloutSpec();
    rollout.setStrategy(RolloutStrategy.Immediate);
    spec.setRollout(rollout);
    spec.setDeletionPolicy(desired.deletion());
    resource.setSpec(spec);
    return resource;
  }

  private ObjectMeta metadata() {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
  }

  private LocalObjectRef ref() {
    var ref = new LocalObjectRef();
    ref.setName(name);
    return ref;
  }

  private static void serverSideApply(KubernetesClient client, HasMetadata resource) {
    client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
