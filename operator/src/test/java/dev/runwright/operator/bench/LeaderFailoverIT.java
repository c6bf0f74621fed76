package dev.runwright.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.testsupport.K8sBinaries;
import dev.runwright.testsupport.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A crashed leader's successor acts on everything that changed while nobody led, in every watched
 * namespace: spec changes and deletions made between the SIGKILL and the new leader's start are
 * reconciled without any further event. (With one informer item store shared by the namespaces'
 * informers, each initial list dropped the other namespaces' resources, and a changed
 * CloudSqlDatabase stayed unreconciled for good.)
 */
class LeaderFailoverIT {
  @Test
  void theNextLeaderReconcilesWhatChangedWhileNobodyLed() throws Exception {
    Path logs = Files.createDirectories(Path.of("target", "failover-it"));
    try (var cluster =
            KubeCluster.start(K8sBinaries.locate(System.getenv()), Duration.ofMinutes(2));
        var emulator = Emulator.start(EmulatorConfig.defaults())) {
      var client = cluster.client();
      String namespace = cluster.createNamespace("failover").name();
      String other = cluster.createNamespace("failover-b").name();
      String leases = cluster.createNamespace("failover-leases").name();
      var settings =
          new OperatorSettings(
              cluster.kubeconfig(),
              emulator.endpoint(),
              "runwright-failover",
              List.of(namespace, other),
              leases,
              "failover",
              "30s",
              5,
              false);
      App changed = App.of(namespace, 0);
      App removed = App.of(namespace, 1);
      App alsoChanged = App.of(other, 2);
      var desired = App.Desired.initial(DeletionPolicy.Delete);
      var first =
          OperatorProcess.start(
              settings.environment(), OperatorSettings.JVM_FLAGS, logs.resolve("operator-1.log"));
      changed.apply(client, desired);
      removed.apply(client, desired);
      alsoChanged.apply(client, desired);
      awaitConverged(client, Set.of(changed, removed, alsoChanged), Set.of());
      first.kill();

      var next = desired.nextRelease().nextMaxConnections();
      changed.apply(client, next);
      alsoChanged.apply(client, next);
      removed.delete(client);
      try (var second =
          OperatorProcess.start(
              settings.environment(), OperatorSettings.JVM_FLAGS, logs.resolve("operator-2.log"))) {
        awaitConverged(client, Set.of(changed, alsoChanged), Set.of(removed));
      }
      var project = new CloudProject(emulator.endpoint(), "runwright-failover");
      assertThat(project.instances())
          .containsOnlyKeys(changed.instanceName(), alsoChanged.instanceName());
      assertThat(project.services(App.REGION))
          .containsOnlyKeys(changed.serviceId(), alsoChanged.serviceId());
    }
  }

  private static void awaitConverged(KubernetesClient client, Set<App> live, Set<App> deleted)
      throws InterruptedException {
    var namespaces = live.stream().map(App::namespace).distinct().toList();
    try {
      OperatorBenchmark.awaitCondition(
          () -> Fleet.pending(client, namespaces, live, deleted, 1).isEmpty(),
          Duration.ofSeconds(90),
          "convergence");
    } catch (IllegalStateException e) {
      throw new AssertionError(
          e.getMessage() + ": " + Fleet.pending(client, namespaces, live, deleted, 10), e);
    }
  }
}
