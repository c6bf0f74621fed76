package dev.runwright.operator.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's configuration, read once at start-up by {@link OperatorConfigReader} and passed by
 * constructor.
 *
 * @param defaultProject Google Cloud project for resources that do not name one
 * @param allowedRegions regions resources may use; empty allows every region
 * @param resync how often converged resources are re-read
 * @param concurrency reconciles running at once per controller
 * @param rateLimits client-side limits per Google API
 * @param google timeouts and endpoint overrides of the Google clients
 * @param watchedNamespaces namespaces to watch; empty watches all
 * @param logging log level and format
 * @param managementPort port of the health and metrics endpoints (0 picks a free port)
 * @param leaderElection whether and where one active replica is elected
 */
public record OperatorConfig(
    Optional<String> defaultProject,
    Set<String> allowedRegions,
    ResyncSchedule resync,
    int concurrency,
    RateLimits rateLimits,
    GoogleClientSettings google,
    Set<String> watchedNamespaces,
    Logging logging,
    int managementPort,
    LeaderElection leaderElection) {

  public OperatorConfig {
    Objects.requireNonNull(defaultProject, "defaultProject");
    allowedRegions = Set.copyOf(allowedRegions);
    Objects.requireNonNull(resync, "resync");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(google, "google");
    watchedNamespaces = Set.copyOf(watchedNamespaces);
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(leaderElection, "leaderElection");
  }

  /** Whether a resource may be placed in {@code region}. */
  public boolean regionAllowed(String region) {
    return allowedRegions.isEmpty() || allowedRegions.contains(region);
  }

  /** Whether the operator watches every namespace of the cluster. */
  public boolean watchesAllNamespaces() {
    return watchedNamespaces.isEmpty();
  }

  /** Timeouts and endpoints of the Google clients. */
  public record GoogleClientSettings(Duration callTimeout, GoogleEndpoints endpoints) {
    public GoogleClientSettings {
      Objects.requireNonNull(callTimeout, "callTimeout");
      Objects.requireNonNull(endpoints, "endpoints");
    }
  }

  /** Log level and output format. */
  public record Logging(LogLevel level, LogFormat format) {
    public Logging {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(format, "format");
    }
  }

  /** SLF4J levels the operator accepts. */
  public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** How log lines are written. */
  public enum LogFormat {
    JSON,
    TEXT
  }

  /**
   * Leader election through a Kubernetes Lease.
   *
   * @param namespace empty means the namespace the operator runs in
   */
  public record LeaderElection(boolean enabled, String leaseName, Optional<String> namespace) {
    public LeaderElection {
      Objects.requireNonNull(leaseName, "leaseName");
      Objects.requireNonNull(namespace, "namespace");
    }
  }
}
