package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.migration.LockDecision.LockHolder;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-database migration lock as a Lease on the real apiserver. */
@WithKubeApiServer
class DatabaseLockIT {
  private static final LockHolder A = new LockHolder("a", "uid-a", "exec-a");
  private static final LockHolder B = new LockHolder("b", "uid-b", "exec-b");

  @Test
  void oneHolderAtATimeAndTheNextOneAfterRelease(KubernetesClient client, TestNamespace ns) {
    CloudSqlDatabase database = database(client, ns.name());
    DatabaseLock lock = new DatabaseLock(client, Fixtures.CLOCK);

    assertThat(lock.acquire(database, A, h -> true, h -> true))
        .isEqualTo(new LockDecision.Take(false));
    assertThat(lock.acquire(database, A, h -> true, h -> true)).isEqualTo(new LockDecision.Held());
    assertThat(lock.acquire(database, B, h -> true, h -> true))
        .isInstanceOf(LockDecision.Wait.class);
    assertThat(lock.holder(ns.name(), "jwt-db")).contains(A);

    lock.release(ns.name(), "jwt-db", B); // not the holder: nothing happens
    assertThat(lock.holder(ns.name(), "jwt-db")).contains(A);
    lock.release(ns.name(), "jwt-db", A);
    assertThat(lock.holder(ns.name(), "jwt-db")).isEmpty();

    assertThat(lock.acquire(database, B, h -> true, h -> true))
        .isEqualTo(new LockDecision.Take(false));
    Lease lease =
        client
            .resources(Lease.class)
            .inNamespace(ns.name())
            .withName(DatabaseLock.leaseName("jwt-db"))
            .get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("b");
    assertThat(lease.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(database.getMetadata().getUid()));
  }

  @Test
  void aGoneHolderIsTakenOverAtomically(KubernetesClient client, TestNamespace ns) {
    CloudSqlDatabase database = database(client, ns.name());
    DatabaseLock lock = new DatabaseLock(client, Fixtures.CLOCK);
    lock.acquire(database, A, h -> true, h -> true);

    assertThat(lock.acquire(database, B, h -> false, h -> false))
        .isEqualTo(new LockDecision.Take(true));
    assertThat(lock.holder(ns.name(), "jwt-db")).contains(B);
  }

  @Test
  void racingTakersNeverBothWin(KubernetesClient client, TestNamespace ns) throws Exception {
    CloudSqlDatabase database = database(client, ns.name());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<LockDecision>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        LockHolder me = new LockHolder("m" + i, "uid-" + i, "exec-" + i);
        DatabaseLock lock = new DatabaseLock(client, Fixtures.CLOCK);
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return lock.acquire(database, me, h -> true, h -> true);
                }));
      }
      go.countDown();
      long winners = 0;
      for (Future<LockDecision> result : results) {
        if (result.get() instanceof LockDecision.Take) {
          winners++;
        }
      }
      assertThat(winners).isEqualTo(1);
      Optional<LockHolder> holder =
          new DatabaseLock(client, Fixtures.CLOCK).holder(ns.name(), "jwt-db");
      assertThat(holder).isPresent();
    } finally {
      pool.shutdownNow();
    }
  }

  private static CloudSqlDatabase database(KubernetesClient client, String namespace) {
    String yaml =
        """
        apiVersion: runwright.dev/v1alpha1
        kind: CloudSqlDatabase
        metadata:
          name: jwt-db
        spec:
          region: asia-east1
          instance:
            name: main
            databaseVersion: MYSQL_8_0
            tier: db-f1-micro
          database:
            name: jwt_auth_db
          user:
            name: jwt_user
        """;
    return client
        .resources(CloudSqlDatabase.class)
        .inNamespace(namespace)
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
        .create();
  }
}
