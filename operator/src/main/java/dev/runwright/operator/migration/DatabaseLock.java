package dev.runwright.operator.migration;

import dev.runwright.operator.migration.LockDecision.LockHolder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The per-database migration lock, kept as a {@code coordination.k8s.io} Lease next to the
 * CloudSqlDatabase. The apiserver makes taking it atomic (create, or update at a known
 * resourceVersion), and it survives operator restarts, unlike anything kept in memory.
 */
final class DatabaseLock {
  static final String HOLDER_UID = "runwright.dev/holder-uid";
  static final String EXECUTION = "runwright.dev/execution";
  private static final String PREFIX = "runwright-migration-";
  private static final int MAX_NAME = 253;
  private static final int HTTP_CONFLICT = 409;

  private final KubernetesClient client;
  private final Clock clock;

  DatabaseLock(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Takes the lock of {@code database} for {@code me}, or says who holds it.
   *
   * @param database the CloudSqlDatabase (owner of the Lease, so it goes with the database)
   */
  LockDecision acquire(
      HasMetadata database,
      LockHolder me,
      Predicate<LockHolder> holderExists,
      Predicate<LockHolder> executionMayRun) {
    String namespace = database.getMetadata().getNamespace();
    String name = leaseName(database.getMetadata().getName());
    var leases = client.resources(Lease.class).inNamespace(namespace);
    Lease lease = leases.withName(name).get();
    LockDecision decision = LockDecision.decide(holderOf(lease), me, holderExists, executionMayRun);
    try {
      switch (decision) {
        case LockDecision.Take take when lease == null ->
            leases.resource(newLease(database, name, me)).create();
        case LockDecision.Take take -> {
          held(lease, me);
          leases
              .resource(lease)
              .lockResourceVersion(lease.getMetadata().getResourceVersion())
              .update();
        }
        case LockDecision.Held held
            when !me.execution().equals(lease.getMetadata().getAnnotations().get(EXECUTION)) -> {
          held(lease, me);
          leases
              .resource(lease)
              .lockResourceVersion(lease.getMetadata().getResourceVersion())
              .update();
        }
        default -> {}
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != HTTP_CONFLICT) {
        throw e;
      }
      // Someone else took it between our read and write: they hold it now.
      return new LockDecision.Wait(
          "another MigrationJob took the migration lock of " + database.getMetadata().getName());
    }
    return decision;
  }

  /** Gives the lock up if {@code me} holds it; nothing otherwise. */
  void release(String namespace, String databaseName, LockHolder me) {
    var lease =
        client.resources(Lease.class).inNamespace(namespace).withName(leaseName(databaseName));
    Lease current = lease.get();
    Optional<LockHolder> holder = holderOf(current);
    if (holder.isPresent() && holder.get().sameMigrationJob(me)) {
      lease.delete();
    }
  }

  /** The holder recorded in the lock of {@code databaseName}, if any. */
  Optional<LockHolder> holder(String namespace, String databaseName) {
    return holderOf(
        client
            .resources(Lease.class)
            .inNamespace(namespace)
            .withName(leaseName(databaseName))
            .get());
  }

  static String leaseName(String databaseName) {
    String name = PREFIX + databaseName;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return name.substring(0, MAX_NAME - 13) + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static Optional<LockHolder> holderOf(Lease lease) {
    if (lease == null
        || lease.getSpec() == null
        || lease.getSpec().getHolderIdentity() == null
        || lease.getSpec().getHolderIdentity().isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> annotations =
        lease.getMetadata().getAnnotations() == null
            ? Map.of()
            : lease.getMetadata().getAnnotations();
    return Optional.of(
        new LockHolder(
            lease.getSpec().getHolderIdentity(),
            annotations.getOrDefault(HOLDER_UID, ""),
            annotations.getOrDefault(EXECUTION, "")));
  }

  private Lease newLease(HasMetadata database, String name, LockHolder me) {
    Lease lease = new Lease();
    lease.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(database.getMetadata().getNamespace())
            .withOwnerReferences(
                List.of(
                    new OwnerReferenceBuilder()
                        .withApiVersion(database.getApiVersion())
                        .withKind(database.getKind())
                        .withName(database.getMetadata().getName())
                        .withUid(database.getMetadata().getUid())
                        .build()))
            .build());
    held(lease, me);
    return lease;
  }

  private void held(Lease lease, LockHolder me) {
    Map<String, String> annotations =
        new HashMap<>(
            lease.getMetadata().getAnnotations() == null
                ? Map.of()
                : lease.getMetadata().getAnnotations());
    annotations.put(HOLDER_UID, me.uid());
    annotations.put(EXECUTION, me.execution());
    lease.getMetadata().setAnnotations(annotations);
    lease.setSpec(
        new LeaseSpecBuilder()
            .withHolderIdentity(me.name())
            .withAcquireTime(Instant.now(clock).atZone(ZoneOffset.UTC))
            .build());
  }
}
