package dev.runwright.operator.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RUNWRIGHT_* environment the benchmark and the soak start the operator process with: the
 * emulator as Google, the test apiserver's kubeconfig, leader election on a Lease. The operator
 * logs warnings and errors only, unless BENCH_OPERATOR_LOG_LEVEL says otherwise.
 *
 * @param googleQuotas whether the client-side rate limits stay at their defaults (Google's default
 *     quotas); otherwise they are lifted, so only the operator itself limits the pace
 */
record OperatorSettings(
    Path kubeconfig,
    String googleEndpoint,
    String project,
    List<String> namespaces,
    String leaseNamespace,
    String leaseName,
    String resyncInterval,
    int concurrency,
    boolean googleQuotas) {

  /**
   * The image's JVM flags in a pod with a 512 MiB limit (70% of it as heap), unless BENCH_JVM_FLAGS
   * (space-separated) says otherwise.
   */
  static final List<String> JVM_FLAGS = jvmFlags(System.getenv("BENCH_JVM_FLAGS"));

  private static List<String> jvmFlags(String override) {
    if (override != null && !override.isBlank()) {
      return List.of(override.trim().split("\\s+"));
    }
    return List.of("-Xmx358m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto");
  }

  private static final String LIFTED = "100000";

  /** The same settings for another project, namespaces and Lease. */
  OperatorSettings forRun(String otherProject, List<String> otherNamespaces, String otherLease) {
    return new OperatorSettings(
        kubeconfig,
        googleEndpoint,
        otherProject,
        otherNamespaces,
        leaseNamespace,
        otherLease,
        resyncInterval,
        concurrency,
        googleQuotas);
  }

  Map<String, String> environment() {
    var env = new HashMap<String, String>();
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("RUNWRIGHT_GCP_PROJECT", project);
    env.put("RUNWRIGHT_GOOGLE_ENDPOINT", googleEndpoint);
    env.put("RUNWRIGHT_WATCH_NAMESPACES", String.join(",", namespaces));
    env.put("RUNWRIGHT_LEADER_ELECTION", "true");
    env.put("RUNWRIGHT_LEASE_NAMESPACE", leaseNamespace);
    env.put("RUNWRIGHT_LEASE_NAME", leaseName);
    env.put("RUNWRIGHT_RESYNC_INTERVAL", resyncInterval);
    env.put("RUNWRIGHT_RESYNC_JITTER", "0.1");
    env.put("RUNWRIGHT_RECONCILE_CONCURRENCY", Integer.toString(concurrency));
    if (!googleQuotas) {
      for (String limit :
          List.of(
              "RUNWRIGHT_CLOUD_RUN_WRITES_PER_MINUTE",
              "RUNWRIGHT_CLOUD_RUN_READS_PER_MINUTE",
              "RUNWRIGHT_SQL_ADMIN_REQUESTS_PER_MINUTE",
              "RUNWRIGHT_SECRET_MANAGER_REQUESTS_PER_MINUTE")) {
        env.put(limit, LIFTED);
      }
    }
    String logLevel = System.getenv("BENCH_OPERATOR_LOG_LEVEL");
    env.put("RUNWRIGHT_LOG_LEVEL", logLevel == null || logLevel.isBlank() ? "WARN" : logLevel);
    env.put("RUNWRIGHT_LOG_FORMAT", "text");
    return env;
  }
}
