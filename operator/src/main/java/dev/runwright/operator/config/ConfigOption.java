package dev.runwright.operator.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the operator reads at start-up, with its flag, environment variable, default and
 * meaning. The single source for parsing, usage text and the README table.
 */
public enum ConfigOption {
  PROJECT(
      "project",
      "RUNWRIGHT_GCP_PROJECT",
      "",
      "Default Google Cloud project for resources that do not name one."),
  ALLOWED_REGIONS(
      "allowed-regions",
      "RUNWRIGHT_ALLOWED_REGIONS",
      "",
      "Comma-separated Google Cloud regions resources may use; empty allows every region."),
  RESYNC_INTERVAL(
      "resync-interval",
      "RUNWRIGHT_RESYNC_INTERVAL",
      "10m",
      "How often a converged resource is re-read from Google (e.g. 30s, 10m, 1h, PT10M); at least 30s."),
  RESYNC_JITTER(
      "resync-jitter",
      "RUNWRIGHT_RESYNC_JITTER",
      "0.1",
      "Random spread added to each resync, as a fraction of the interval (0 to 0.5), so resyncs do not align."),
  CONCURRENCY(
      "concurrency",
      "RUNWRIGHT_RECONCILE_CONCURRENCY",
      "5",
      "Reconciles running at once per controller (1 to 100)."),
  CLOUD_RUN_WRITES_PER_MINUTE(
      "cloud-run-writes-per-minute",
      "RUNWRIGHT_CLOUD_RUN_WRITES_PER_MINUTE",
      "60",
      "Client-side limit of Cloud Run Admin writes per minute and region (Google's default quota: 60)."),
  CLOUD_RUN_READS_PER_MINUTE(
      "cloud-run-reads-per-minute",
      "RUNWRIGHT_CLOUD_RUN_READS_PER_MINUTE",
      "300",
      "Client-side limit of Cloud Run Admin reads per minute and region."),
  SQL_ADMIN_REQUESTS_PER_MINUTE(
      "sql-admin-requests-per-minute",
      "RUNWRIGHT_SQL_ADMIN_REQUESTS_PER_MINUTE",
      "180",
      "Client-side limit of Cloud SQL Admin requests per minute (Google's default quota: 180)."),
  SECRET_MANAGER_REQUESTS_PER_MINUTE(
      "secret-manager-requests-per-minute",
      "RUNWRIGHT_SECRET_MANAGER_REQUESTS_PER_MINUTE",
      "600",
      "Client-side limit of Secret Manager requests per minute (Google's default quota: 600)."),
  RATE_LIMIT_MAX_WAIT(
      "rate-limit-max-wait",
      "RUNWRIGHT_RATE_LIMIT_MAX_WAIT",
      "2s",
      "Longest a call waits for client-side quota before it fails as rate limited and is retried later."),
  GOOGLE_TIMEOUT(
      "google-timeout",
      "RUNWRIGHT_GOOGLE_TIMEOUT",
      "30s",
      "Deadline of one Google API call (connect, send and read)."),
  GOOGLE_ENDPOINT(
      "google-endpoint",
      "RUNWRIGHT_GOOGLE_ENDPOINT",
      "",
      "Base URL (http://host:port) serving all three Google APIs, e.g. the emulator; disables credentials."),
  CLOUD_RUN_ENDPOINT(
      "cloud-run-endpoint",
      "RUNWRIGHT_CLOUD_RUN_ENDPOINT",
      "",
      "Base URL for the Cloud Run Admin API only; overrides --google-endpoint."),
  SQL_ADMIN_ENDPOINT(
      "sql-admin-endpoint",
      "RUNWRIGHT_SQL_ADMIN_ENDPOINT",
      "",
      "Base URL for the Cloud SQL Admin API only; overrides --google-endpoint."),
  SECRET_MANAGER_ENDPOINT(
      "secret-manager-endpoint",
      "RUNWRIGHT_SECRET_MANAGER_ENDPOINT",
      "",
      "Base URL for the Secret Manager API only; overrides --google-endpoint."),
  NAMESPACES(
      "namespaces",
      "RUNWRIGHT_WATCH_NAMESPACES",
      "",
      "Comma-separated namespaces to watch; empty watches all namespaces."),
  LOG_LEVEL("log-level", "RUNWRIGHT_LOG_LEVEL", "INFO", "TRACE, DEBUG, INFO, WARN or ERROR."),
  LOG_FORMAT("log-format", "RUNWRIGHT_LOG_FORMAT", "json", "json (one object per line) or text."),
  MANAGEMENT_PORT(
      "management-port",
      "RUNWRIGHT_MANAGEMENT_PORT",
      "8080",
      "Port of /healthz, /readyz and /metrics (0 picks a free port)."),
  LEADER_ELECTION(
      "leader-election",
      "RUNWRIGHT_LEADER_ELECTION",
      "true",
      "Elect one active replica through a Lease (true or false)."),
  LEASE_NAME(
      "lease-name",
      "RUNWRIGHT_LEASE_NAME",
      "runwright-operator",
      "Name of the leader election Lease."),
  LEASE_NAMESPACE(
      "lease-namespace",
      "RUNWRIGHT_LEASE_NAMESPACE",
      "",
      "Namespace of the Lease; empty uses the namespace the operator runs in.");

  private final String flag;
  private final String envVar;
  private final String defaultValue;
  private final String description;

  ConfigOption(String flag, String envVar, String defaultValue, String description) {
    this.flag = flag;
    this.envVar = envVar;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The flag as typed on the command line, with its leading dashes. */
  public String flag() {
    return "--" + flag;
  }

  public String envVar() {
    return envVar;
  }

  /** The default as text; empty means "not set". */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  static Optional<ConfigOption> byFlag(String flagWithDashes) {
    return Arrays.stream(values()).filter(o -> o.flag().equals(flagWithDashes)).findFirst();
  }

  /** One line per option, for the command's usage text. */
  public static String usage() {
    var text = new StringBuilder();
    for (ConfigOption option : values()) {
      text.append("  ")
          .append(option.flag())
          .append("  (env ")
          .append(option.envVar)
          .append(")")
          .append(System.lineSeparator())
          .append("      ")
          .append(option.description);
      if (!option.defaultValue.isEmpty()) {
        text.append(" Default: ").append(option.defaultValue).append('.');
      }
      text.append(System.lineSeparator());
    }
    return text.toString();
  }
}
