package dev.runwright.operator.bench;

import dev.runwright.operator.bench.OperatorBenchmark.RateResult;
import dev.runwright.operator.bench.OperatorBenchmark.SizeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes the benchmark's results.md, ready.svg and rss.svg. */
final class BenchmarkReport {
  private static final double MIB = 1024.0 * 1024.0;
  private final Path out;

  BenchmarkReport(Path out) {
    this.out = out;
  }

  void write(List<SizeResult> results, RateResult rate, int concurrency) throws IOException {
    var md = new StringBuilder();
    md.append(
        "# Operator benchmark: applications (CloudSqlDatabase + MigrationJob + CloudRunService)\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %d CPUs (shared with other work while measured), Java %s; operator JVM flags %s;"
                + " concurrency %d per controller; resync 30s + up to 10%% jitter; emulator latency zero."
                + " N applications = 3N resources.%n%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            String.join(" ", OperatorSettings.JVM_FLAGS),
            concurrency));
    md.append(
        "| N apps | resources | start to leader (s) | first app Ready (s) | all Ready (s) | reconciles/s |"
            + " operator CPU (s) | RSS (MiB) | heap used (MiB) | live heap after GC (MiB) |"
            + " status writes per resource resync |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (SizeResult r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.2f | %.2f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.3f |%n",
              r.n(),
              3 * r.n(),
              r.leaderSeconds(),
              r.firstAppSeconds(),
              r.convergeSeconds(),
              r.reconcilesPerSecond(),
              r.cpuSeconds(),
              r.rssBytes() / MIB,
              r.heapBytes() / MIB,
              r.liveHeapBytes() / MIB,
              r.steadyStatusWrites() / (3 * r.steadyAppResyncs())));
    }
    if (results.size() >= 2) {
      SizeResult a = results.get(0);
      SizeResult b = results.get(results.size() - 1);
      int resources = 3 * (b.n() - a.n());
      md.append(
          String.format(
              Locale.ROOT,
              "%nPer-resource slope between N=%d and N=%d apps: RSS %.1f KiB, live heap %.1f KiB per"
                  + " resource.%n",
              a.n(),
              b.n(),
              (b.rssBytes() - a.rssBytes()) / 1024.0 / resources,
              (b.liveHeapBytes() - a.liveHeapBytes()) / 1024.0 / resources));
    }
    md.append("\n## Steady state: Google calls per application per resync\n\n");
    md.append(
        "Window of BENCH_STEADY_SECONDS after convergence; application resyncs = N x window / 31.5 s"
            + " (the mean resync interval). An application is 3 resources and 6 Google resources"
            + " (instance, database, user, secret, job, service).\n\n");
    md.append(
        "| N apps | app resyncs in window | reconciles in window | method | kind | calls | per app per resync |\n"
            + "|---|---|---|---|---|---|---|\n");
    for (SizeResult r : results) {
      Map<String, Long> calls = new TreeMap<>(r.steadyCalls());
      if (calls.isEmpty()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %.0f | %.0f | (none) | | 0 | 0 |%n",
                r.n(),
                r.steadyAppResyncs(),
                r.steadyReconciles()));
      }
      calls.forEach(
          (method, count) ->
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %d | %.0f | %.0f | %s | %s | %d | %.3f |%n",
                      r.n(),
                      r.steadyAppResyncs(),
                      r.steadyReconciles(),
                      method.substring(0, method.indexOf(' ')),
                      method.substring(method.indexOf(' ') + 1).toLowerCase(Locale.ROOT),
                      count,
                      count / r.steadyAppResyncs())));
    }
    if (rate != null) {
      md.append("\n## Rate limits: a burst of new applications at Google's default quotas\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "%d new applications (%d resources), client-side limits at their defaults: all Ready"
                  + " after %.1f s.%n%n",
              rate.n(),
              3 * rate.n(),
              rate.convergeSeconds()));
      md.append(
          "| quota | limit per minute | calls | busiest 60 s window | least time the limit allows (s) |\n"
              + "|---|---|---|---|---|\n");
      for (var use : rate.quotas()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.1f |%n",
                use.quota(),
                use.perMinute(),
                use.calls(),
                use.maxInAnyMinute(),
                use.impliedSeconds()));
      }
    }
    md.append("\n![Ready over time](ready.svg)\n\n![RSS against N](rss.svg)\n");
    Files.writeString(out.resolve("results.md"), md.toString());

    var readySeries = new ArrayList<SvgChart.Series>();
    for (SizeResult r : results) {
      readySeries.add(
          new SvgChart.Series(
              "N=" + r.n(),
              r.samples().stream().map(s -> new SvgChart.Point(s.seconds(), s.ready())).toList()));
    }
    Files.writeString(
        out.resolve("ready.svg"),
        SvgChart.render(
            "Ready resources over time (3 per application)",
            "seconds since creation",
            "Ready",
            readySeries));
    var rss = results.stream().map(r -> new SvgChart.Point(r.n(), r.rssBytes() / MIB)).toList();
    var heap =
        results.stream().map(r -> new SvgChart.Point(r.n(), r.liveHeapBytes() / MIB)).toList();
    Files.writeString(
        out.resolve("rss.svg"),
        SvgChart.render(
            "Operator memory after convergence",
            "applications (N)",
            "MiB",
            List.of(new SvgChart.Series("RSS", rss), new SvgChart.Series("live heap", heap))));
  }
}
