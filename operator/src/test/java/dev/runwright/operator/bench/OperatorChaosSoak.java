package dev.runwright.operator.bench;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Fault;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.testsupport.K8sBinaries;
import dev.runwright.testsupport.KubeCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The chaos soak: applications (database, migration, service) across several namespaces; for a
 * bounded time random Google faults (429/500/503, delays, failed Cloud SQL operations), the
 * operator process killed with SIGKILL at random moments and restarted, and releases, scaling
 * changes, flag changes, password rotations and deletions applied while all of that happens. Then,
 * with faults off: every resource Ready, the emulated project holds exactly the expected resources,
 * no revision ever served traffic before its release's migration succeeded, and the Google calls
 * stay within a bounded multiple of a fault-free run of the same changes.
 *
 * <p>{@code make soak-operator} runs it as a program (SOAK_SECONDS, SOAK_APPS,
 * SOAK_FAULT_PROBABILITY, SOAK_FAILED_OPERATIONS, SOAK_SEED, SOAK_CONVERGENCE_SECONDS); {@code
 * OperatorChaosSoakIT} runs a short one in {@code make test}.
 */
public final class OperatorChaosSoak {
  static final String PROJECT = "runwright-soak";
  private static final List<String> NAMESPACES = List.of("soak-a", "soak-b", "soak-c");
  private static final String[] FAULTED_APIS = {"run.*", "sql.*", "secretmanager.*"};
  private static final Duration RESYNC = Duration.ofSeconds(30);

  /**
   * @param chaos how long faults, kills and changes go on
   * @param apps applications (three resources each)
   * @param faultProbability the chance that a Google call fails or is delayed
   * @param failedOperations whether Cloud SQL operations on a random instance finish with an error
   * @param seed the random seed (a failing run can be repeated)
   * @param convergenceLimit how long everything may take to converge once faults stop
   */
  record Settings(
      Duration chaos,
      int apps,
      double faultProbability,
      boolean failedOperations,
      long seed,
      Duration convergenceLimit) {}

  record Report(
      int apps,
      int deleted,
      int specChanges,
      int kills,
      long faultsInjected,
      int failedOperationRules,
      double convergeAfterFaultsSeconds,
      long googleCalls,
      double faultFreeCalls,
      double amplification,
      List<String> problems) {

    String summary() {
      return String.format(
          Locale.ROOT,
          "apps=%d (x3 resources) deleted=%d specChanges=%d kills=%d faultsInjected=%d"
              + " failedOperationRules=%d convergeAfterFaults=%.1fs googleCalls=%d"
              + " faultFreeEstimate=%.0f amplification=%.2f problems=%s",
          apps,
          deleted,
          specChanges,
          kills,
          faultsInjected,
          failedOperationRules,
          convergeAfterFaultsSeconds,
          googleCalls,
          faultFreeCalls,
          amplification,
          problems);
    }
  }

  private final KubeCluster cluster;
  private final Emulator emulator;
  private final Path logDir;
  private final Random random;
  private final KubernetesClient client;
  private final CloudProject project;

  OperatorChaosSoak(KubeCluster cluster, Emulator emulator, Path logDir, long seed) {
    this.cluster = cluster;
    this.emulator = emulator;
    this.logDir = logDir;
    this.random = new Random(seed);
    this.client = cluster.client();
    this.project = new CloudProject(emulator.endpoint(), PROJECT);
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/soak");
    Files.createDirectories(out);
    var settings =
        new Settings(
            Duration.ofSeconds(Long.parseLong(env("SOAK_SECONDS", "600"))),
            Integer.parseInt(env("SOAK_APPS", "100")),
            Double.parseDouble(env("SOAK_FAULT_PROBABILITY", "0.2")),
            Boolean.parseBoolean(env("SOAK_FAILED_OPERATIONS", "true")),
            Long.parseLong(env("SOAK_SEED", Long.toString(System.nanoTime()))),
            Duration.ofSeconds(Long.parseLong(env("SOAK_CONVERGENCE_SECONDS", "300"))));
    try (var cluster =
            KubeCluster.start(K8sBinaries.locate(System.getenv()), Duration.ofMinutes(2));
        var emulator = Emulator.start(EmulatorConfig.defaults())) {
      Report report = new OperatorChaosSoak(cluster, emulator, out, settings.seed()).run(settings);
      String text = "settings: " + settings + "\n" + report.summary() + "\n";
      Files.writeString(out.resolve("soak.txt"), text);
      System.out.print(text);
      if (!report.problems().isEmpty()) {
        System.exit(1);
      }
    }
  }

  Report run(Settings settings) throws Exception {
    String leaseNamespace = cluster.createNamespace("soak-leases").name();
    for (String ns : NAMESPACES) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
    var operatorSettings =
        new OperatorSettings(
            cluster.kubeconfig(),
            emulator.endpoint(),
            PROJECT,
            NAMESPACES,
            leaseNamespace,
            "soak",
            RESYNC.toSeconds() + "s",
            5,
            false);
    SoakBaseline baseline =
        SoakBaseline.measure(
            cluster, emulator, operatorSettings, RESYNC, logDir.resolve("operator-baseline.log"));

    Path log = logDir.resolve("operator-soak.log");
    emulator.control().counters().reset();
    long chaosStart = System.nanoTime();
    var operator =
        OperatorProcess.start(operatorSettings.environment(), OperatorSettings.JVM_FLAGS, log);
    List<Fault> faults = faults(settings.faultProbability());
    faults.forEach(emulator.control().faults()::add);

    Map<App, App.Desired> live = new LinkedHashMap<>();
    for (int i = 0; i < settings.apps(); i++) {
      App app = App.of(NAMESPACES.get(i % NAMESPACES.size()), i);
      var desired = App.Desired.initial(i % 2 == 0 ? DeletionPolicy.Retain : DeletionPolicy.Delete);
      live.put(app, desired);
      app.apply(client, desired);
    }
    Map<App, App.Desired> deleted = new LinkedHashMap<>();
    Set<String> existedAtDeletion = new HashSet<>();
    long inventoryCalls = 0;
    int kills = 0;
    int specChanges = 0;
    int failedOperationRules = 0;
    long end = chaosStart + settings.chaos().toNanos();
    long nextKill = System.nanoTime() + millis(8_000, 20_000) * 1_000_000L;
    long nextOperationFailure = System.nanoTime() + 5_000_000_000L;
    boolean deletionsDone = false;
    while (System.nanoTime() < end) {
      Thread.sleep(millis(300, 900));
      List<App> apps = new ArrayList<>(live.keySet());
      App app = apps.get(random.nextInt(apps.size()));
      change(app, live);
      specChanges++;
      if (!deletionsDone && System.nanoTime() > chaosStart + settings.chaos().toNanos() / 2) {
        // A tenth of the applications, half Retain and half Delete, go away mid-soak. Retain
        // keeps what exists at that moment, read with the faults paused and not counted.
        emulator.control().faults().clear();
        long before = emulator.control().counters().total();
        existedAtDeletion.addAll(project.instances().keySet());
        existedAtDeletion.addAll(project.secrets().keySet());
        existedAtDeletion.addAll(project.services(App.REGION).keySet());
        inventoryCalls += emulator.control().counters().total() - before;
        faults.forEach(emulator.control().faults()::add);
        for (App victim : apps.subList(0, Math.max(2, apps.size() / 10))) {
          victim.delete(client);
          deleted.put(victim, live.remove(victim));
        }
        deletionsDone = true;
      }
      if (settings.failedOperations() && System.nanoTime() > nextOperationFailure) {
        emulator.control().outcomes().clear();
        App failing = apps.get(random.nextInt(apps.size()));
        // Only on a running instance: a failed creation leaves a FAILED instance, which needs a
        // person (the resource says Stalled/InstanceFailed), not a retry.
        if (instanceRunning(failing)) {
          emulator.control().outcomes().failSqlOperationsOn(failing.instanceName());
          failedOperationRules++;
        }
        nextOperationFailure = System.nanoTime() + millis(5_000, 15_000) * 1_000_000L;
      }
      if (System.nanoTime() > nextKill) {
        operator.kill();
        kills++;
        log("SIGKILL %d of the operator", kills);
        operator =
            OperatorProcess.start(operatorSettings.environment(), OperatorSettings.JVM_FLAGS, log);
        nextKill = System.nanoTime() + millis(8_000, 25_000) * 1_000_000L;
      }
    }

    long faultsInjected = emulator.control().faults().injected();
    emulator.control().faults().clear();
    emulator.control().outcomes().clear();
    long faultsOff = System.nanoTime();
    log("faults off after %d kills, %d spec changes; waiting for convergence", kills, specChanges);
    var problems = new ArrayList<String>();
    try {
      OperatorBenchmark.awaitCondition(
          () -> Fleet.pending(client, NAMESPACES, live.keySet(), deleted.keySet(), 1).isEmpty(),
          settings.convergenceLimit(),
          "every resource Ready and the deleted ones gone");
    } catch (IllegalStateException e) {
      operator.threadDump(logDir.resolve("operator-threads.txt"));
      problems.add(
          e.getMessage()
              + ": "
              + Fleet.pending(client, NAMESPACES, live.keySet(), deleted.keySet(), 20));
    }
    double convergeSeconds = OperatorBenchmark.seconds(System.nanoTime() - faultsOff);
    long calls = emulator.control().counters().total() - inventoryCalls;
    operator.close();

    double appResyncs =
        settings.apps()
            * OperatorBenchmark.seconds(System.nanoTime() - chaosStart)
            / (RESYNC.toSeconds() * 1.05);
    double expected = baseline.expectedCalls(settings.apps(), specChanges, appResyncs);
    problems.addAll(new ExpectedCloud(live, deleted, existedAtDeletion).problemsIn(project));
    var everyApp = new ArrayList<>(live.keySet());
    everyApp.addAll(deleted.keySet());
    problems.addAll(MigrationOrder.violations(emulator, project, everyApp));
    return new Report(
        settings.apps(),
        deleted.size(),
        specChanges,
        kills,
        faultsInjected,
        failedOperationRules,
        convergeSeconds,
        calls,
        expected,
        calls / expected,
        problems);
  }

  /** One of the four changes, at random; a release goes to the migration and the service. */
  private void change(App app, Map<App, App.Desired> live) {
    int kind = random.nextInt(SoakBaseline.CHANGES.size());
    App.Desired desired = SoakBaseline.CHANGES.get(kind).apply(live.get(app));
    live.put(app, desired);
    switch (kind) {
      case 0 -> {
        // GitOps tools apply in any order; the gate must hold either way.
        if (random.nextBoolean()) {
          app.applyMigration(client, desired);
          app.applyService(client, desired);
        } else {
          app.applyService(client, desired);
          app.applyMigration(client, desired);
        }
      }
      case 1 -> app.applyService(client, desired);
      default -> app.applyDatabase(client, desired);
    }
  }

  /** The operator created the application's database, so its instance was running by then. */
  private boolean instanceRunning(App app) {
    var database =
        client
            .resources(CloudSqlDatabase.class)
            .inNamespace(app.namespace())
            .withName(app.name())
            .get();
    return database != null
        && database.getStatus() != null
        && database.getStatus().getDatabaseRef() != null;
  }

  /** Four kinds of fault per API, together failing or delaying {@code probability} of calls. */
  private static List<Fault> faults(double probability) {
    var faults = new ArrayList<Fault>();
    if (probability <= 0) {
      return faults; // a Fault's probability of 0 means "every call"
    }
    double each = probability / 4;
    for (String api : FAULTED_APIS) {
      faults.add(Fault.rateLimited(api, -1, 1).withProbability(each));
      faults.add(Fault.status(api, 500, -1).withProbability(each));
      faults.add(Fault.status(api, 503, -1).withProbability(each));
      faults.add(Fault.latency(api, Duration.ofMillis(400)).withProbability(each));
    }
    return faults;
  }

  private long millis(int from, int to) {
    return from + random.nextInt(to - from);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[soak] " + format + "%n", args);
  }
}
