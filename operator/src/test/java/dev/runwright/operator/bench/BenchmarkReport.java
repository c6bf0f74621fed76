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
    md.append("# Operator benchmark (CloudSqlDatabase)\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %d CPUs (shared with other builds while measured), Java %s; operator JVM flags %s;"
                + " concurrency %d; resync 30s + up to 10%% jitter; emulator latency zero.%n%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            String.join(" ", OperatorSettings.JVM_FLAGS),
            concurrency));
    md.append(
        "| N | start to leader (s) | first reconcile (s) | all Ready (s) | reconciles/s | operator CPU (s) |"
            + " RSS (MiB) | heap used (MiB) | live heap after GC (MiB) | status writes per resync |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (SizeResult r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %.2f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.3f |%n",
              r.n(),
              r.leaderSeconds(),
              r.firstReconcileSeconds(),
              r.convergeSeconds(),
              r.reconcilesPerSecond(),
              r.cpuSeconds(),
              r.rssBytes() / MIB,
              r.heapBytes() / MIB,
              r.liveHeapBytes() / MIB,
              r.steadyStatusWrites() / r.steadyResyncs()));
    }
    if (results.size() >= 2) {
      SizeResult a = results.get(0);
      SizeResult b = results.get(results.size() - 1);
      md.append(
          String.format(
              Locale.ROOT,
              "%nPer-resource slope between N=%d and N=%d: RSS %.1f KiB, live heap %.1f KiB per resource.%n",
              a.n(),
              b.n(),
              (b.rssBytes() - a.rssBytes()) / 1024.0 / (b.n() - a.n()),
              (b.liveHeapBytes() - a.liveHeapBytes()) / 1024.0 / (b.n() - a.n())));
    }
    md.append("\n## Steady state: Google calls per resource per resync\n\n");
    md.append(
        "| N | resyncs in window | method | kind | calls | per resource per resync |\n|---|---|---|---|---|---|\n");
    for (SizeResult r : results) {
      Map<String, Long> calls = new TreeMap<>(r.steadyCalls());
      if (calls.isEmpty()) {
        md.append(
            String.format(
                Locale.ROOT, "| %d | %.0f | (none) | | 0 | 0 |%n", r.n(), r.steadyResyncs()));
      }
      calls.forEach(
          (method, count) ->
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %d | %.0f | %s | %s | %d | %.3f |%n",
                      r.n(),
                      r.steadyResyncs(),
                      method.substring(0, method.indexOf(' ')),
                      method.substring(method.indexOf(' ') + 1).toLowerCase(Locale.ROOT),
                      count,
                      count / r.steadyResyncs())));
    }
    if (rate != null) {
      md.append("\n## Rate limit: burst of new resources at Google's default Cloud SQL quota\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "N=%d, client-side limit %d requests/min: %d Cloud SQL calls, at most %d in any 60 s window,"
                  + " all Ready after %.1f s (the limit implies at least %.1f s: one minute's burst, then"
                  + " %d/min).%n",
              rate.n(),
              rate.quota(),
              rate.sqlCalls(),
              rate.maxInAnyMinute(),
              rate.convergeSeconds(),
              rate.impliedSeconds(),
              rate.quota()));
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
            "Ready resources over time", "seconds since creation", "Ready", readySeries));
    var rss = results.stream().map(r -> new SvgChart.Point(r.n(), r.rssBytes() / MIB)).toList();
    var heap =
        results.stream().map(r -> new SvgChart.Point(r.n(), r.liveHeapBytes() / MIB)).toList();
    Files.writeString(
        out.resolve("rss.svg"),
        SvgChart.render(
            "Operator memory after convergence",
            "resources (N)",
            "MiB",
            List.of(new SvgChart.Series("RSS", rss), new SvgChart.Series("live heap", heap))));
  }
}
