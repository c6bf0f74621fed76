package dev.runwright.operator.bench;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallCounters;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.testsupport.K8sBinaries;
import dev.runwright.testsupport.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.util.function.ToLongFunction;

/**
 * The operator benchmark (a program, not a test; {@code make bench-operator}): a real apiserver,
 * the emulator, and the operator in its own JVM. For each N it measures start-up, convergence of N
 * applications (a CloudSqlDatabase, its MigrationJob and the CloudRunService gated on it: 3N
 * resources), steady-state Google calls and status writes per resync, RSS and heap; then a burst of
 * new applications at Google's default quotas. Writes results.md and SVG charts to the output
 * directory (first argument, default target/bench).
 *
 * <p>Knobs (environment): BENCH_SIZES (default 100,1000), BENCH_RATE_N (default 50),
 * BENCH_STEADY_SECONDS (default 70), BENCH_CONCURRENCY (default 10).
 */
public final class OperatorBenchmark {
  static final String PROJECT = "runwright-bench";
  private static final String RESYNC = "30s";
  private static final double MEAN_RESYNC_SECONDS = 31.5;
  private static final String RECONCILES = "operator_sdk_reconciliations_started_total";

  private final KubeCluster cluster;
  private final Emulator emulator;
  private final Path out;
  private final String leaseNamespace;
  private final int concurrency;

  record Sample(double seconds, long ready, long rssBytes) {}

  /**
   * @param steadyAppResyncs application resyncs in the steady window (N times the window over the
   *     mean resync interval)
   * @param steadyCalls Google calls in the steady window by "method kind"
   */
  record SizeResult(
      int n,
      double leaderSeconds,
      double firstAppSeconds,
      double convergeSeconds,
      double reconcilesPerSecond,
      double cpuSeconds,
      long rssBytes,
      long heapBytes,
      long liveHeapBytes,
      double steadyAppResyncs,
      double steadyReconciles,
      Map<String, Long> steadyCalls,
      long steadyStatusWrites,
      List<Sample> samples) {}

  /** One quota of the rate-limited burst: calls made, the busiest minute, the limit. */
  record QuotaUse(String quota, int perMinute, long calls, long maxInAnyMinute) {
    /** The least time these calls take at this limit: a tenth at once, the rest refilled. */
    double impliedSeconds() {
      int burst = Math.max(1, perMinute / 10);
      return Math.max(0, calls - burst) * 60.0 / (perMinute - burst);
    }
  }

  record RateResult(int n, double convergeSeconds, List<QuotaUse> quotas) {}

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
    int rateN = Integer.parseInt(env("BENCH_RATE_N", "50"));
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
    var settings = settings(namespace, "bench-" + n, false);
    KubernetesClient client = cluster.client();
    var watch = new FleetWatch(client, namespace);
    try (watch;
        var operator =
            OperatorProcess.start(
                settings.environment(),
                OperatorSettings.JVM_FLAGS,
                out.resolve("operator-" + n + ".log"))) {
      double leader = awaitLeader("bench-" + n, operator);
      long firstCreated = System.nanoTime();
      App.Desired desired = App.Desired.initial(DeletionPolicy.Retain);
      App.of(namespace, 0).apply(client, desired);
      awaitCondition(
          () -> watch.ready() >= Readiness.KINDS.size() || !operator.isAlive(),
          Duration.ofMinutes(5),
          "first application Ready");
      if (!operator.isAlive()) {
        throw new IllegalStateException("N=" + n + ": the operator process exited");
      }
      double firstApp = seconds(System.nanoTime() - firstCreated);
      log("N=%d: leader after %.2f s, first application Ready %.2f s later", n, leader, firstApp);

      double reconcilesBefore = OperatorProcess.sum(operator.metrics(), RECONCILES, "");
      double cpuBefore = operator.cpuSeconds();
      long start = System.nanoTime();
      var samples = new ArrayList<Sample>();
      ExecutorService creators = Executors.newFixedThreadPool(4);
      for (int i = 1; i < n; i++) {
        App app = App.of(namespace, i);
        creators.submit(() -> app.apply(client, desired));
      }
      creators.shutdown();
      long total = (long) n * Readiness.KINDS.size();
      long deadline = start + Duration.ofMinutes(90).toNanos();
      while (true) {
        long ready = watch.ready();
        samples.add(new Sample(seconds(System.nanoTime() - start), ready, operator.rssBytes()));
        if (ready >= total) {
          break;
        }
        if (System.nanoTime() > deadline || !operator.isAlive()) {
          throw new IllegalStateException(
              "N=" + n + ": only " + ready + " Ready (operator alive: " + operator.isAlive() + ")");
        }
        if (samples.size() % 30 == 0) {
          log("N=%d: %d of %d resources Ready", n, ready, total);
        }
        Thread.sleep(1000);
      }
      creators.awaitTermination(1, TimeUnit.MINUTES);
      double converge = seconds(System.nanoTime() - start);
      double cpu = operator.cpuSeconds() - cpuBefore;
      double reconciles =
          OperatorProcess.sum(operator.metrics(), RECONCILES, "") - reconcilesBefore;
      log(
          "N=%d: all %d Ready after %.1f s, %.0f reconciles, %.1f CPU s",
          n, total, converge, reconciles, cpu);

      // Let the last follow-up reconciles finish, then count a window of about two resyncs.
      Thread.sleep(5000);
      emulator.control().counters().reset();
      watch.resetStatusWrites();
      double steadyReconcilesBefore = OperatorProcess.sum(operator.metrics(), RECONCILES, "");
      int steadySeconds = Integer.parseInt(env("BENCH_STEADY_SECONDS", "70"));
      Thread.sleep(steadySeconds * 1000L);
      var counters = emulator.control().counters();
      Map<String, Long> calls = new TreeMap<>();
      counters
          .snapshot()
          .forEach((method, count) -> calls.put(method + " " + counters.kindOf(method), count));
      long writes = watch.statusWrites();
      double steadyReconciles =
          OperatorProcess.sum(operator.metrics(), RECONCILES, "") - steadyReconcilesBefore;

      long rss = operator.rssBytes();
      long heap = operator.heapUsedBytes();
      runJcmd(operator.pid(), "GC.run");
      Thread.sleep(1000);
      long liveHeap = operator.heapUsedBytes();
      rss = Math.max(rss, operator.rssBytes());
      return new SizeResult(
          n,
          leader,
          firstApp,
          converge,
          reconciles / converge,
          cpu,
          rss,
          heap,
          liveHeap,
          n * steadySeconds / MEAN_RESYNC_SECONDS,
          steadyReconciles,
          calls,
          writes,
          samples);
    }
  }

  /**
   * A burst of N new applications with the client-side limits at Google's default quotas: the calls
   * per second, from the emulator's counters, give the busiest minute of each quota.
   */
  private RateResult runRateLimited(int n) throws Exception {
    String namespace = cluster.createNamespace("bench-rate-" + n).name();
    var settings = settings(namespace, "bench-rate-" + n, true);
    KubernetesClient client = cluster.client();
    var quotas =
        List.of(
            new Quota("Cloud Run writes", 60, c -> c.writes(Api.RUN)),
            new Quota("Cloud Run reads", 300, c -> c.reads(Api.RUN)),
            new Quota("Cloud SQL Admin requests", 180, c -> c.reads(Api.SQL) + c.writes(Api.SQL)),
            new Quota(
                "Secret Manager requests", 600, c -> c.reads(Api.SECRETS) + c.writes(Api.SECRETS)));
    try (var operator =
        OperatorProcess.start(
            settings.environment(), OperatorSettings.JVM_FLAGS, out.resolve("operator-rate.log"))) {
      awaitLeader("bench-rate-" + n, operator);
      emulator.control().counters().reset();
      long start = System.nanoTime();
      App.Desired desired = App.Desired.initial(DeletionPolicy.Retain);
      for (int i = 0; i < n; i++) {
        App.of(namespace, i).apply(client, desired);
      }
      var perSecond = new ArrayList<long[]>();
      long deadline = start + Duration.ofMinutes(60).toNanos();
      var app = List.of(namespace);
      long total = (long) n * Readiness.KINDS.size();
      while (Fleet.countReady(client, app) < total) {
        if (System.nanoTime() > deadline || !operator.isAlive()) {
          throw new IllegalStateException("rate-limited burst did not converge");
        }
        perSecond.add(counts(quotas));
        Thread.sleep(1000);
      }
      double converge = seconds(System.nanoTime() - start);
      perSecond.add(counts(quotas));
      var uses = new ArrayList<QuotaUse>();
      for (int q = 0; q < quotas.size(); q++) {
        long maxInMinute = 0;
        for (int i = 0; i < perSecond.size(); i++) {
          long before = i >= 60 ? perSecond.get(i - 60)[q] : 0;
          maxInMinute = Math.max(maxInMinute, perSecond.get(i)[q] - before);
        }
        long calls = perSecond.get(perSecond.size() - 1)[q];
        uses.add(new QuotaUse(quotas.get(q).name(), quotas.get(q).perMinute(), calls, maxInMinute));
      }
      return new RateResult(n, converge, uses);
    }
  }

  private record Quota(String name, int perMinute, ToLongFunction<CallCounters> count) {}

  private long[] counts(List<Quota> quotas) {
    var counters = emulator.control().counters();
    return quotas.stream().mapToLong(q -> q.count().applyAsLong(counters)).toArray();
  }

  private OperatorSettings settings(String namespace, String lease, boolean googleQuotas) {
    return new OperatorSettings(
        cluster.kubeconfig(),
        emulator.endpoint(),
        // One project per run, so runs do not see each other's Google resources.
        PROJECT + "-" + lease,
        List.of(namespace),
        leaseNamespace,
        lease,
        RESYNC,
        concurrency,
        googleQuotas);
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
