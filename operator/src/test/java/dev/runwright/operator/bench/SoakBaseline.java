package dev.runwright.operator.bench;

import dev.runwright.emulator.Emulator;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.testsupport.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The Google calls of the soak's life cycle without faults or kills, on a few applications in a
 * project of their own: per application created, per spec change (the average of the four kinds the
 * soak makes), and per application and resync once converged. The soak's calls divided by what this
 * predicts for its own creations, changes and duration is its call amplification.
 */
record SoakBaseline(double callsPerCreate, double callsPerChange, double callsPerResync) {
  private static final int APPS = 3;

  /** The four spec changes the soak makes, in the order the baseline makes them. */
  static final List<UnaryOperator<App.Desired>> CHANGES =
      List.of(
          App.Desired::nextRelease,
          App.Desired::nextMaxInstances,
          App.Desired::nextMaxConnections,
          App.Desired::nextRotation);

  double expectedCalls(int creates, int changes, double appResyncs) {
    return callsPerCreate * creates + callsPerChange * changes + callsPerResync * appResyncs;
  }

  static SoakBaseline measure(
      KubeCluster cluster, Emulator emulator, OperatorSettings template, Duration resync, Path log)
      throws Exception {
    var client = cluster.client();
    String namespace = cluster.createNamespace("soak-baseline").name();
    var settings =
        template.forRun(template.project() + "-baseline", List.of(namespace), "soak-baseline");
    var apps = new ArrayList<App>();
    for (int i = 0; i < APPS; i++) {
      apps.add(App.of(namespace, i));
    }
    try (var operator =
        OperatorProcess.start(settings.environment(), OperatorSettings.JVM_FLAGS, log)) {
      emulator.control().counters().reset();
      var desired = App.Desired.initial(DeletionPolicy.Retain);
      for (App app : apps) {
        app.apply(client, desired);
      }
      awaitConverged(client, namespace, apps, emulator, "baseline creation");
      double create = emulator.control().counters().total() / (double) APPS;

      emulator.control().counters().reset();
      for (UnaryOperator<App.Desired> change : CHANGES) {
        desired = change.apply(desired);
        for (App app : apps) {
          app.apply(client, desired);
        }
        awaitConverged(client, namespace, apps, emulator, "baseline change");
      }
      double change = emulator.control().counters().total() / (double) (APPS * CHANGES.size());

      // Converged: what a resync costs. The window covers the longest resync (10% jitter).
      emulator.control().counters().reset();
      long windowMillis = resync.toMillis() * 11 / 10 + 2000;
      Thread.sleep(windowMillis);
      double resyncs = APPS * windowMillis / (resync.toMillis() * 1.05);
      var baseline =
          new SoakBaseline(create, change, emulator.control().counters().total() / resyncs);
      System.out.printf(Locale.ROOT, "[soak] fault-free baseline: %s%n", baseline);
      return baseline;
    }
  }

  /**
   * All Ready, and then no Google call for 3 s: a rotation makes the database Ready before the
   * migration and the service have followed the new password version.
   */
  private static void awaitConverged(
      KubernetesClient client, String namespace, List<App> apps, Emulator emulator, String what)
      throws InterruptedException {
    OperatorBenchmark.awaitCondition(
        () -> Fleet.pending(client, List.of(namespace), Set.copyOf(apps), Set.of(), 1).isEmpty(),
        Duration.ofMinutes(3),
        what + " Ready");
    long last = emulator.control().counters().total();
    int quietSeconds = 0;
    for (int i = 0; i < 60 && quietSeconds < 3; i++) {
      Thread.sleep(1000);
      long now = emulator.control().counters().total();
      quietSeconds = now == last ? quietSeconds + 1 : 0;
      last = now;
    }
  }
}
