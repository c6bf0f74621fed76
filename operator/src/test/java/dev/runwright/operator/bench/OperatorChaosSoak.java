package dev.runwright.operator.bench;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Fault;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.testsupport.K8sBinaries;
import dev.runwright.testsupport.KubeCluster;
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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The chaos soak of the CloudSqlDatabase reconciler: resources across several namespaces, random
 * Google faults (429/500/503, delays, failed Cloud SQL operations), the operator process killed
 * with SIGKILL at random moments and restarted, spec changes and deletions while all of that
 * happens. Then, with faults off: every resource Ready, the emulated project holds exactly the
 * expected resources, and the Google calls stay within a bounded multiple of a fault-free run.
 *
 * <p>{@code make soak-operator} runs it as a program (SOAK_SECONDS, SOAK_RESOURCES,
 * SOAK_FAULT_PROBABILITY); {@code OperatorChaosSoakIT} runs a short one in {@code make test}.
 */
public final class OperatorChaosSoak {
  static final String PROJECT = "runwright-soak";
  private static final List<String> NAMESPACES = List.of("soak-a", "soak-b", "soak-c");
  private static final int BASELINE_RESOURCES = 4;
  private static final String[] FAULTED_APIS = {"sql.*", "secretmanager.*"};

  /**
   * @param failedOperations whether Cloud SQL operations on a random instance finish with an error
   *     (the reconciler treats that as a spec problem: Stalled until the spec changes)
   */
  record Settings(
      Duration chaos,
      int resources,
      double faultProbability,
      boolean failedOperations,
      long seed) {}

  record Report(
      int resources,
      int deleted,
      int specChanges,
      int kills,
      long faultedCallsEstimate,
      int failedOperationRules,
      double convergeAfterFaultsSeconds,
      long chaosCalls,
      double expectedCalls,
      double amplification,
      List<String> problems) {

    String summary() {
      return String.format(
          Locale.ROOT,
          "resources=%d deleted=%d specChanges=%d kills=%d faultedCalls~%d failedOperationRules=%d"
              + " convergeAfterFaults=%.1fs googleCalls=%d faultFreeEstimate=%.0f amplification=%.2f problems=%s",
          resources,
          deleted,
          specChanges,
          kills,
          faultedCallsEstimate,
          failedOperationRules,
          convergeAfterFaultsSeconds,
          chaosCalls,
          expectedCalls,
          amplification,
          problems);
    }
  }

  private final KubeCluster cluster;
  private final Emulator emulator;
  private final Path logDir;
  private final Random random;

  OperatorChaosSoak(KubeCluster cluster, Emulator emulator, Path logDir, long seed) {
    this.cluster = cluster;
    this.emulator = emulator;
    this.logDir = logDir;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/soak");
    Files.createDirectories(out);
    var settings =
        new Settings(
            Duration.ofSeconds(Long.parseLong(env("SOAK_SECONDS", "600"))),
            Integer.parseInt(env("SOAK_RESOURCES", "100")),
            Double.parseDouble(env("SOAK_FAULT_PROBABILITY", "0.2")),
            Boolean.parseBoolean(env("SOAK_FAILED_OPERATIONS", "true")),
            Long.parseLong(env("SOAK_SEED", Long.toString(System.nanoTime()))));
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
    KubernetesClient client = cluster.client();
    String leaseNamespace = cluster.createNamespace("soak-leases").name();
    for (String ns : NAMESPACES) {
      client
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName(ns)
                  .endMetadata()
                  .build())
          .serverSideApply();
    }
    Baseline baseline = baseline(leaseNamespace);
    log("fault-free baseline: %s", baseline);

    var operatorSettings =
        new OperatorSettings(
            cluster.kubeconfig(),
            emulator.endpoint(),
            PROJECT,
            NAMESPACES,
            leaseNamespace,
            "soak",
            "30s",
            5,
            100_000,
            100_000);
    Path log = logDir.resolve("operator-soak.log");
    emulator.control().counters().reset();
    long chaosStart = System.nanoTime();
    var operator =
        new OperatorProcess[] {
          OperatorProcess.start(operatorSettings.environment(), OperatorSettings.JVM_FLAGS, log)
        };
    List<Fault> faults = faults(settings.faultProbability());
    faults.forEach(emulator.control().faults()::add);

    // Desired state: name -> namespace, flag value; deleted names with their policy.
    Map<String, String> namespaceOf = new LinkedHashMap<>();
    Map<String, Integer> flagOf = new ConcurrentHashMap<>();
    Map<String, DeletionPolicy> policyOf = new LinkedHashMap<>();
    for (int i = 0; i < settings.resources(); i++) {
      String ns = NAMESPACES.get(i % NAMESPACES.size());
      String name = String.format(Locale.ROOT, "db-%s-%04d", ns.substring(ns.length() - 1), i);
      DeletionPolicy policy = i % 2 == 0 ? DeletionPolicy.Retain : DeletionPolicy.Delete;
      namespaceOf.put(name, ns);
      flagOf.put(name, 100);
      policyOf.put(name, policy);
      DatabaseFleet.apply(client, DatabaseFleet.database(ns, name, 100, policy));
    }
    List<String> names = new ArrayList<>(namespaceOf.keySet());
    Set<String> deleted = new HashSet<>();
    Set<String> existedAtDeletion = new HashSet<>();
    int kills = 0;
    int specChanges = 0;
    int failedOperationRules = 0;
    long end = chaosStart + settings.chaos().toNanos();
    long nextKill = System.nanoTime() + randomMillis(8_000, 20_000) * 1_000_000L;
    long nextOperationFailure = System.nanoTime() + 5_000_000_000L;
    boolean deletionsDone = false;
    while (System.nanoTime() < end) {
      Thread.sleep(randomMillis(500, 1500));
      String name = names.get(random.nextInt(names.size()));
      if (!deleted.contains(name)) {
        int value = flagOf.get(name) + 1;
        flagOf.put(name, value);
        DatabaseFleet.apply(
            client, DatabaseFleet.database(namespaceOf.get(name), name, value, policyOf.get(name)));
        specChanges++;
      }
      if (!deletionsDone && System.nanoTime() > chaosStart + settings.chaos().toNanos() / 2) {
        // A tenth of the resources, half Retain and half Delete, go away mid-soak. Retain keeps
        // what exists at that moment (an instance never created is not expected afterwards).
        // Read with the faults paused, so the snapshot itself does not fail.
        emulator.control().faults().clear();
        existedAtDeletion.addAll(
            DatabaseFleet.inventory(emulator.endpoint(), PROJECT).instances().stream()
                .map(DatabaseFleet.CloudInstance::name)
                .toList());
        existedAtDeletion.addAll(DatabaseFleet.secrets(emulator.endpoint(), PROJECT).keySet());
        faults.forEach(emulator.control().faults()::add);
        for (String victim : names.subList(0, Math.max(2, names.size() / 10))) {
          client
              .resources(CloudSqlDatabase.class)
              .inNamespace(namespaceOf.get(victim))
              .withName(victim)
              .delete();
          deleted.add(victim);
        }
        deletionsDone = true;
      }
      if (settings.failedOperations() && System.nanoTime() > nextOperationFailure) {
        emulator.control().outcomes().clear();
        String failing = names.get(random.nextInt(names.size()));
        emulator
            .control()
            .outcomes()
            .failSqlOperationsOn(DatabaseFleet.instanceName(namespaceOf.get(failing), failing));
        failedOperationRules++;
        nextOperationFailure = System.nanoTime() + randomMillis(5_000, 15_000) * 1_000_000L;
      }
      if (System.nanoTime() > nextKill) {
        operator[0].kill();
        kills++;
        log("SIGKILL %d of the operator", kills);
        operator[0] =
            OperatorProcess.start(operatorSettings.environment(), OperatorSettings.JVM_FLAGS, log);
        nextKill = System.nanoTime() + randomMillis(8_000, 25_000) * 1_000_000L;
      }
    }

    // Faults off; everything must converge.
    emulator.control().faults().clear();
    emulator.control().outcomes().clear();
    long faultsOff = System.nanoTime();
    long faultedEstimate = Math.round(totalCalls() * settings.faultProbability());
    if (!operator[0].isAlive()) {
      operator[0] =
          OperatorProcess.start(operatorSettings.environment(), OperatorSettings.JVM_FLAGS, log);
    }
    log("faults off after %d kills, %d spec changes; waiting for convergence", kills, specChanges);
    var problems = new ArrayList<String>();
    try {
      OperatorBenchmark.awaitCondition(
          () -> converged(client, namespaceOf, deleted),
          Duration.ofMinutes(5),
          "all resources Ready and deleted ones gone");
    } catch (IllegalStateException e) {
      problems.add(e.getMessage() + ": " + notConverged(client, namespaceOf, deleted));
    }
    double convergeSeconds = OperatorBenchmark.seconds(System.nanoTime() - faultsOff);
    long chaosCalls =
        emulator.control().counters().snapshot().values().stream().mapToLong(Long::longValue).sum();
    operator[0].close();

    double seconds = OperatorBenchmark.seconds(System.nanoTime() - chaosStart);
    double expected =
        baseline.createCallsPerResource() * settings.resources()
            + baseline.changeCallsPerChange() * specChanges
            + baseline.resyncCallsPerResource() * settings.resources() * seconds / 31.5;
    problems.addAll(checkCloud(namespaceOf, flagOf, policyOf, deleted, existedAtDeletion));
    return new Report(
        settings.resources(),
        deleted.size(),
        specChanges,
        kills,
        faultedEstimate,
        failedOperationRules,
        convergeSeconds,
        chaosCalls,
        expected,
        chaosCalls / expected,
        problems);
  }

  record Baseline(
      double createCallsPerResource, double changeCallsPerChange, double resyncCallsPerResource) {}

  /** A fault-free run of the same life cycle on a few resources: the calls it takes. */
  private Baseline baseline(String leaseNamespace) throws Exception {
    KubernetesClient client = cluster.client();
    String ns = cluster.createNamespace("soak-baseline").name();
    var settings =
        new OperatorSettings(
            cluster.kubeconfig(),
            emulator.endpoint(),
            PROJECT,
            List.of(ns),
            leaseNamespace,
            "soak-baseline",
            "30s",
            5,
            100_000,
            100_000);
    try (var operator =
        OperatorProcess.start(
            settings.environment(),
            OperatorSettings.JVM_FLAGS,
            logDir.resolve("operator-baseline.log"))) {
      emulator.control().counters().reset();
      for (int i = 0; i < BASELINE_RESOURCES; i++) {
        DatabaseFleet.apply(
            client, DatabaseFleet.database(ns, "base-" + i, 100, DeletionPolicy.Retain));
      }
      OperatorBenchmark.awaitCondition(
          () -> DatabaseFleet.countReady(client, ns) == BASELINE_RESOURCES,
          Duration.ofMinutes(3),
          "baseline Ready");
      long create = totalCalls();
      emulator.control().counters().reset();
      for (int i = 0; i < BASELINE_RESOURCES; i++) {
        DatabaseFleet.apply(
            client, DatabaseFleet.database(ns, "base-" + i, 101, DeletionPolicy.Retain));
      }
      Thread.sleep(1000);
      OperatorBenchmark.awaitCondition(
          () -> DatabaseFleet.countReady(client, ns) == BASELINE_RESOURCES,
          Duration.ofMinutes(3),
          "baseline change Ready");
      long change = totalCalls();
      return new Baseline(
          create / (double) BASELINE_RESOURCES,
          change / (double) BASELINE_RESOURCES,
          // one read per Google resource: instance, database, user, secret
          4);
    }
  }

  private long totalCalls() {
    return emulator.control().counters().snapshot().values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private static boolean converged(
      KubernetesClient client, Map<String, String> namespaceOf, Set<String> deleted) {
    return notConverged(client, namespaceOf, deleted).isEmpty();
  }

  private static List<String> notConverged(
      KubernetesClient client, Map<String, String> namespaceOf, Set<String> deleted) {
    Map<String, CloudSqlDatabase> present = new java.util.HashMap<>();
    for (String ns : NAMESPACES) {
      client
          .resources(CloudSqlDatabase.class)
          .inNamespace(ns)
          .list()
          .getItems()
          .forEach(r -> present.put(r.getMetadata().getName(), r));
    }
    var pending = new ArrayList<String>();
    for (String name : namespaceOf.keySet()) {
      CloudSqlDatabase resource = present.get(name);
      if (deleted.contains(name)) {
        if (resource != null) {
          pending.add(name + " not yet gone");
        }
      } else if (resource == null || !DatabaseFleet.isReady(resource)) {
        pending.add(name + " not Ready");
      }
    }
    return pending;
  }

  /** What the emulated project must hold, compared with what it holds. */
  private List<String> checkCloud(
      Map<String, String> namespaceOf,
      Map<String, Integer> flagOf,
      Map<String, DeletionPolicy> policyOf,
      Set<String> deleted,
      Set<String> existedAtDeletion) {
    var problems = new ArrayList<String>();
    var inventory = DatabaseFleet.inventory(emulator.endpoint(), PROJECT);
    Map<String, DatabaseFleet.CloudInstance> byName =
        inventory.instances().stream()
            .collect(
                Collectors.toMap(
                    DatabaseFleet.CloudInstance::name,
                    i -> i,
                    (a, b) -> {
                      problems.add("duplicate instance " + a.name());
                      return a;
                    }));
    Set<String> expectedInstances = new TreeSet<>();
    Set<String> expectedSecrets = new TreeSet<>();
    for (String name : namespaceOf.keySet()) {
      String instance = DatabaseFleet.instanceName(namespaceOf.get(name), name);
      String secret = name + "-app-password";
      if (!deleted.contains(name)) {
        expectedInstances.add(instance);
        expectedSecrets.add(secret);
      } else if (policyOf.get(name) == DeletionPolicy.Retain) {
        if (existedAtDeletion.contains(instance)) {
          expectedInstances.add(instance);
        }
        if (existedAtDeletion.contains(secret)) {
          expectedSecrets.add(secret);
        }
      }
    }
    Set<String> soakInstances =
        byName.keySet().stream()
            .filter(n -> n.startsWith("soak-") && !n.startsWith("soak-baseline"))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!soakInstances.equals(expectedInstances)) {
      var missing = new TreeSet<>(expectedInstances);
      missing.removeAll(soakInstances);
      var extra = new TreeSet<>(soakInstances);
      extra.removeAll(expectedInstances);
      problems.add("instances missing " + missing + ", leaked " + extra);
    }
    for (String name : namespaceOf.keySet()) {
      var instance = byName.get(DatabaseFleet.instanceName(namespaceOf.get(name), name));
      if (instance == null || deleted.contains(name)) {
        // Retain keeps a deleted resource's instance as it was, possibly before its user existed.
        continue;
      }
      List<String> own = instance.databases().stream().filter(d -> d.equals("app")).toList();
      if (own.size() != 1) {
        problems.add(instance.name() + " has databases " + instance.databases());
      }
      long users = instance.users().stream().filter(u -> u.equals("app")).count();
      if (users != 1) {
        problems.add(instance.name() + " has users " + instance.users());
      }
      if (!deleted.contains(name) && !instance.flags().contains("\"" + flagOf.get(name) + "\"")) {
        problems.add(
            instance.name()
                + " flags "
                + instance.flags()
                + ", expected max_connections "
                + flagOf.get(name));
      }
    }
    Map<String, List<String>> secrets = DatabaseFleet.secrets(emulator.endpoint(), PROJECT);
    Set<String> soakSecrets =
        secrets.keySet().stream()
            .filter(s -> s.startsWith("db-"))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!soakSecrets.equals(expectedSecrets)) {
      var missing = new TreeSet<>(expectedSecrets);
      missing.removeAll(soakSecrets);
      var extra = new TreeSet<>(soakSecrets);
      extra.removeAll(expectedSecrets);
      problems.add("secrets missing " + missing + ", leaked " + extra);
    }
    for (String secret : soakSecrets) {
      long enabled = secrets.get(secret).stream().filter("ENABLED"::equals).count();
      if (enabled != 1) {
        problems.add("secret " + secret + " has versions " + secrets.get(secret));
      }
    }
    return problems;
  }

  private static List<Fault> faults(double probability) {
    double each = probability / 4;
    var faults = new ArrayList<Fault>();
    for (String api : FAULTED_APIS) {
      faults.add(Fault.rateLimited(api, -1, 1).withProbability(each));
      faults.add(Fault.status(api, 500, -1).withProbability(each));
      faults.add(Fault.status(api, 503, -1).withProbability(each));
      faults.add(Fault.latency(api, Duration.ofMillis(400)).withProbability(each));
    }
    return faults;
  }

  private long randomMillis(int from, int to) {
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
