package dev.runwright.operator.bench;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Api;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.testsupport.K8sBinaries;
import dev.runwright.testsupport.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator benchmark (a program, not a test; {@code make bench-operator}): a real apiserver,
 * the emulator, and the operator in its own JVM. For each N it measures start-up, convergence of N
 * CloudSqlDatabase resources, steady-state Google calls and status writes per resync, RSS and heap;
 * then a burst at Google's default Cloud SQL quota. Writes results.md and SVG charts to the output
 * directory (first argument, default target/bench).
 *
 * <p>Knobs (environment): BENCH_SIZES (default 100,1000), BENCH_RATE_N (default 100),
 * BENCH_STEADY_SECONDS (default 70), BENCH_CONCURRENCY (default 10).
 */
public final class OperatorBenchmark {
  static final String PROJECT = "runwright-bench";
  private static final String RESYNC = "30s";
  private static final double MEAN_RESYNC_SECONDS = 31.5;
  private static final int UNLIMITED = 100_000;
  private static final int SQL_DEFAULT_QUOTA = 180;
  private static final String RECONCILES = "operator_sdk_reconciliations_started_total";

  private final KubeCluster cluster;
  private final Emulator emulator;
  private final Path out;
  private final String leaseNamespace;
  private final int concurrency;

  record Sample(double seconds, long ready, long rssBytes) {}

  record SizeResult(
      int n,
      double leaderSeconds,
      double firstReconcileSeconds,
      double convergeSeconds,
      double reconcilesPerSecond,
      double cpuSeconds,
      long rssBytes,
      long heapBytes,
      long liveHeapBytes,
      double steadyResyncs,
      Map<String, Long> steadyCalls,
      long steadyStatusWrites,
      List<Sample> samples) {}

  record RateResult(
      int n,
      int quota,
      long sqlCalls,
      long maxInAnyMinute,
      double convergeSeconds,
      double impliedSeconds) {}

  private OperatorBenchmark(KubeCluster cluster, Emulator emulator, Path out, int concurrency) {
    this.cluster = cluster;
    this.emulator = emulator;
    this.out = out;
    this.concurrency = concurrency;
    this.leaseNamespace = cluster.createNamespace("bench-leases").name();
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
    List<Integer> sizes =
        Arrays.stream(env("BENCH_SIZES", "100,1000").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    int rateN = Integer.parseInt(env("BENCH_RATE_N", "100"));
    int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "10"));
    try (var cluster =
            KubeCluster.start(K8sBinaries.locate(System.getenv()), Duration.ofMinutes(2));
        var emulator = Emulator.start(EmulatorConfig.defaults())) {
      var bench = new OperatorBenchmark(cluster, emulator, out, concurrency);
      var results = new ArrayList<SizeResult>();
      for (int n : sizes) {
        SizeResult result = bench.runSize(n);
        results.add(result);
        log("N=%d done: %s", n, result);
      }
      RateResult rate = rateN > 0 ? bench.runRateLimited(rateN) : null;
      if (rate != null) {
        log("rate limit run: %s", rate);
      }
      new BenchmarkReport(out).write(results, rate, concurrency);
      log("report written to %s", out.resolve("results.md"));
    }
  }

  private SizeResult runSize(int n) throws Exception {
    String namespace = cluster.createNamespace("bench-" + n).name();
    var settings = settings(namespace, "bench-" + n, UNLIMITED);
    KubernetesClient client = cluster.client();
    var statusWrites = new AtomicLong();
    SharedIndexInformer<CloudSqlDatabase> informer =
        client.resources(CloudSqlDatabase.class).inNamespace(namespace).inform();
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(CloudSqlDatabase obj) {}

          @Override
          public void onUpdate(CloudSqlDatabase oldObj, CloudSqlDatabase newObj) {
            if (!oldObj
                .getMetadata()
                .getResourceVersion()
                .equals(newObj.getMetadata().getResourceVersion())) {
              statusWrites.incrementAndGet();
            }
          }

          @Override
          public void onDelete(CloudSqlDatabase obj, boolean deletedFinalStateUnknown) {}
        });
    try (var operator =
        OperatorProcess.start(
            settings.environment(),
            OperatorSettings.JVM_FLAGS,
            out.resolve("operator-" + n + ".log"))) {
      double leader = awaitLeader("bench-" + n, operator);
      long firstCreated = System.nanoTime();
      DatabaseFleet.apply(
          client, DatabaseFleet.database(namespace, name(0), 100, DeletionPolicy.Retain));
      awaitCondition(
          () -> readyCount(informer) >= 1 || !operator.isAlive(),
          Duration.ofMinutes(5),
          "first resource Ready");
      if (!operator.isAlive()) {
        throw new IllegalStateException("N=" + n + ": the operator process exited");
      }
      double firstReconcile = seconds(System.nanoTime() - firstCreated);
      log(
          "N=%d: leader after %.2f s, first resource Ready %.2f s later",
          n, leader, firstReconcile);

      double reconcilesBefore = OperatorProcess.sum(operator.metrics(), RECONCILES, "");
      double cpuBefore = operator.cpuSeconds();
      long start = System.nanoTime();
      var samples = new ArrayList<Sample>();
      ExecutorService creators = Executors.newFixedThreadPool(4);
      for (int i = 1; i < n; i++) {
        String name = name(i);
        creators.submit(
            () ->
                DatabaseFleet.apply(
                    client, DatabaseFleet.database(namespace, name, 100, DeletionPolicy.Retain)));
      }
      creators.shutdown();
      long deadline = start + Duration.ofMinutes(60).toNanos();
      while (true) {
        long ready = readyCount(informer);
        samples.add(new Sample(seconds(System.nanoTime() - start), ready, operator.rssBytes()));
        if (ready >= n) {
          break;
        }
        if (System.nanoTime() > deadline || !operator.isAlive()) {
          throw new IllegalStateException(
              "N=" + n + ": only " + ready + " Ready (operator alive: " + operator.isAlive() + ")");
        }
        Thread.sleep(1000);
      }
      creators.awaitTermination(1, TimeUnit.MINUTES);
      double converge = seconds(System.nanoTime() - start);
      double cpu = operator.cpuSeconds() - cpuBefore;
      double reconciles =
          OperatorProcess.sum(operator.metrics(), RECONCILES, "") - reconcilesBefore;
      log(
          "N=%d: all Ready after %.1f s, %.0f reconciles, %.1f CPU s",
          n, converge, reconciles, cpu);

      // Steady state: Google calls and status writes over a window of about two resyncs.
      emulator.control().counters().reset();
      statusWrites.set(0);
      double steadyReconcilesBefore = OperatorProcess.sum(operator.metrics(), RECONCILES, "");
      int steadySeconds = Integer.parseInt(env("BENCH_STEADY_SECONDS", "70"));
      Thread.sleep(steadySeconds * 1000L);
      var counters = emulator.control().counters();
      Map<String, Long> calls = new TreeMap<>();
      counters
          .snapshot()
          .forEach((method, count) -> calls.put(method + " " + counters.kindOf(method), count));
      long writes = statusWrites.get();
      double steadyReconciles =
          OperatorProcess.sum(operator.metrics(), RECONCILES, "") - steadyReconcilesBefore;
      double resyncs =
          steadyReconciles > 0 ? steadyReconciles : n * steadySeconds / MEAN_RESYNC_SECONDS;

      long rss = operator.rssBytes();
      long heap = operator.heapUsedBytes();
      runJcmd(operator.pid(), "GC.run");
      Thread.sleep(1000);
      long liveHeap = operator.heapUsedBytes();
      rss = Math.max(rss, operator.rssBytes());
      return new SizeResult(
          n,
          leader,
          firstReconcile,
          converge,
          reconciles / converge,
          cpu,
          rss,
          heap,
          liveHeap,
          resyncs,
          calls,
          writes,
          samples);
    } finally {
      informer.close();
    }
  }

  /** A burst of N new resources with the client-side limit at Google's default Cloud SQL quota. */
  private RateResult runRateLimited(int n) throws Exception {
    String namespace = cluster.createNamespace("bench-rate-" + n).name();
    var settings = settings(namespace, "bench-rate-" + n, SQL_DEFAULT_QUOTA);
    KubernetesClient client = cluster.client();
    try (var operator =
        OperatorProcess.start(
            settings.environment(), OperatorSettings.JVM_FLAGS, out.resolve("operator-rate.log"))) {
      awaitLeader("bench-rate-" + n, operator);
      emulator.control().counters().reset();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        DatabaseFleet.apply(
            client, DatabaseFleet.database(namespace, name(i), 100, DeletionPolicy.Retain));
      }
      var perSecond = new ArrayList<Long>();
      long deadline = start + Duration.ofMinutes(60).toNanos();
      while (DatabaseFleet.countReady(client, namespace) < n) {
        if (System.nanoTime() > deadline || !operator.isAlive()) {
          throw new IllegalStateException("rate-limited burst did not converge");
        }
        perSecond.add(sqlCalls());
        Thread.sleep(1000);
      }
      double converge = seconds(System.nanoTime() - start);
      long total = sqlCalls();
      perSecond.add(total);
      long maxInMinute = 0;
      for (int i = 0; i < perSecond.size(); i++) {
        long before = i >= 60 ? perSecond.get(i - 60) : 0;
        maxInMinute = Math.max(maxInMinute, perSecond.get(i) - before);
      }
      // The bucket starts full (burst = one minute's quota), then refills at quota per minute.
      double implied = Math.max(0, (total - SQL_DEFAULT_QUOTA)) * 60.0 / SQL_DEFAULT_QUOTA;
      return new RateResult(n, SQL_DEFAULT_QUOTA, total, maxInMinute, converge, implied);
    }
  }

  private long sqlCalls() {
    var counters = emulator.control().counters();
    return counters.reads(Api.SQL) + counters.writes(Api.SQL);
  }

  private OperatorSettings settings(String namespace, String lease, int sqlQuota) {
    return new OperatorSettings(
        cluster.kubeconfig(),
        emulator.endpoint(),
        // One project per run: default secret IDs (<name>-<user>-password) do not include the
        // namespace, so equal names in two runs would share a secret.
        PROJECT + "-" + lease,
        List.of(namespace),
        leaseNamespace,
        lease,
        RESYNC,
        concurrency,
        sqlQuota,
        UNLIMITED);
  }

  private double awaitLeader(String lease, OperatorProcess operator) throws InterruptedException {
    awaitCondition(
        () -> {
          var found = cluster.client().leases().inNamespace(leaseNamespace).withName(lease).get();
          return found != null && found.getSpec().getHolderIdentity() != null;
        },
        Duration.ofMinutes(2),
        "the operator to take Lease " + lease);
    return seconds(System.nanoTime() - operator.startedNanos());
  }

  private static long readyCount(SharedIndexInformer<CloudSqlDatabase> informer) {
    return informer.getStore().list().stream().filter(DatabaseFleet::isReady).count();
  }

  interface Check {
    boolean holds() throws Exception;
  }

  static void awaitCondition(Check check, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (Exception e) {
        // not yet (e.g. the Lease does not exist)
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static void runJcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(60, TimeUnit.SECONDS);
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "db-%05d", i);
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }
}
