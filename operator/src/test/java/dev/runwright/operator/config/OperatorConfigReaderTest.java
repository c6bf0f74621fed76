package dev.runwright.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.config.OperatorConfig.LogFormat;
import dev.runwright.operator.config.OperatorConfig.LogLevel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorConfigReaderTest {

  private static OperatorConfig read(List<String> args, Map<String, String> env) {
    return OperatorConfigReader.read(args, env);
  }

  private static List<String> problems(List<String> args, Map<String, String> env) {
    try {
      OperatorConfigReader.read(args, env);
    } catch (InvalidConfigurationException e) {
      return e.problems();
    }
    throw new AssertionError("expected the configuration to be rejected");
  }

  @Test
  void defaultsMatchGoogleQuotasAndSafeSettings() {
    OperatorConfig config = read(List.of(), Map.of());

    assertThat(config.defaultProject()).isEmpty();
    assertThat(config.allowedRegions()).isEmpty();
    assertThat(config.regionAllowed("europe-west1")).isTrue();
    assertThat(config.resync()).isEqualTo(new ResyncSchedule(Duration.ofMinutes(10), 0.1));
    assertThat(config.concurrency()).isEqualTo(5);
    assertThat(config.rateLimits())
        .isEqualTo(
            new RateLimits(
                new ApiRateLimit(60),
                new ApiRateLimit(300),
                new ApiRateLimit(180),
                new ApiRateLimit(600),
                Duration.ofSeconds(2)));
    assertThat(config.google().callTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.google().endpoints()).isEqualTo(GoogleEndpoints.google());
    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.logging().level()).isEqualTo(LogLevel.INFO);
    assertThat(config.logging().format()).isEqualTo(LogFormat.JSON);
    assertThat(config.managementPort()).isEqualTo(8080);
    assertThat(config.leaderElection().enabled()).isTrue();
    assertThat(config.leaderElection().leaseName()).isEqualTo("runwright-operator");
    assertThat(config.leaderElection().namespace()).isEmpty();
  }

  @Test
  void readsEveryOptionFromTheEnvironment() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("RUNWRIGHT_GCP_PROJECT", "my-project-1"),
            Map.entry("RUNWRIGHT_ALLOWED_REGIONS", "europe-west1, us-central1"),
            Map.entry("RUNWRIGHT_RESYNC_INTERVAL", "1h30m"),
            Map.entry("RUNWRIGHT_RESYNC_JITTER", "0.25"),
            Map.entry("RUNWRIGHT_RECONCILE_CONCURRENCY", "12"),
            Map.entry("RUNWRIGHT_CLOUD_RUN_WRITES_PER_MINUTE", "30"),
            Map.entry("RUNWRIGHT_CLOUD_RUN_READS_PER_MINUTE", "100"),
            Map.entry("RUNWRIGHT_SQL_ADMIN_REQUESTS_PER_MINUTE", "90"),
            Map.entry("RUNWRIGHT_SECRET_MANAGER_REQUESTS_PER_MINUTE", "300"),
            Map.entry("RUNWRIGHT_RATE_LIMIT_MAX_WAIT", "500ms"),
            Map.entry("RUNWRIGHT_GOOGLE_TIMEOUT", "PT45S"),
            Map.entry("RUNWRIGHT_GOOGLE_ENDPOINT", "http://127.0.0.1:8085/"),
            Map.entry("RUNWRIGHT_WATCH_NAMESPACES", "team-a,team-b"),
            Map.entry("RUNWRIGHT_LOG_LEVEL", "debug"),
            Map.entry("RUNWRIGHT_LOG_FORMAT", "TEXT"),
            Map.entry("RUNWRIGHT_MANAGEMENT_PORT", "0"),
            Map.entry("RUNWRIGHT_LEADER_ELECTION", "false"),
            Map.entry("RUNWRIGHT_LEASE_NAME", "rw"),
            Map.entry("RUNWRIGHT_LEASE_NAMESPACE", "runwright-system"));

    OperatorConfig config = read(List.of(), env);

    assertThat(config.defaultProject()).contains("my-project-1");
    assertThat(config.allowedRegions()).containsExactlyInAnyOrder("europe-west1", "us-central1");
    assertThat(config.regionAllowed("asia-east1")).isFalse();
    assertThat(config.resync()).isEqualTo(new ResyncSchedule(Duration.ofMinutes(90), 0.25));
    assertThat(config.concurrency()).isEqualTo(12);
    assertThat(config.rateLimits().cloudRunWrites().perMinute()).isEqualTo(30);
    assertThat(config.rateLimits().cloudRunReads().perMinute()).isEqualTo(100);
    assertThat(config.rateLimits().sqlAdmin().perMinute()).isEqualTo(90);
    assertThat(config.rateLimits().secretManager().perMinute()).isEqualTo(300);
    assertThat(config.rateLimits().maxWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.google().callTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.google().endpoints())
        .isEqualTo(GoogleEndpoints.allAt(URI.create("http://127.0.0.1:8085")));
    assertThat(config.watchedNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(config.logging().level()).isEqualTo(LogLevel.DEBUG);
    assertThat(config.logging().format()).isEqualTo(LogFormat.TEXT);
    assertThat(config.managementPort()).isZero();
    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(config.leaderElection().leaseName()).isEqualTo("rw");
    assertThat(config.leaderElection().namespace()).contains("runwright-system");
  }

  @Test
  void flagsWinOverTheEnvironmentInBothSpellings() {
    OperatorConfig config =
        read(
            List.of("--concurrency=7", "--project", "flag-project"),
            Map.of("RUNWRIGHT_RECONCILE_CONCURRENCY", "3", "RUNWRIGHT_GCP_PROJECT", "env-project"));

    assertThat(config.concurrency()).isEqualTo(7);
    assertThat(config.defaultProject()).contains("flag-project");
  }

  @Test
  void perApiEndpointOverridesTheSharedOne() {
    OperatorConfig config =
        read(
            List.of(
                "--google-endpoint=http://127.0.0.1:9000",
                "--sql-admin-endpoint=http://localhost:9001"),
            Map.of());

    GoogleEndpoints endpoints = config.google().endpoints();
    assertThat(endpoints.cloudRun()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(endpoints.secretManager()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(endpoints.sqlAdmin()).contains(URI.create("http://localhost:9001"));
  }

  @Test
  void reportsEveryProblemAtOnceNamingWhereEachValueCameFrom() {
    List<String> problems =
        problems(
            List.of(
                "--concurrency=zero",
                "--resync-interval=5s",
                "--cloud-run-endpoint=127.0.0.1:8085",
                "--bogus=1"),
            Map.of(
                "RUNWRIGHT_GCP_PROJECT", "Bad_Project",
                "RUNWRIGHT_ALLOWED_REGIONS", "europe-west1,Mars",
                "RUNWRIGHT_RESYNC_JITTER", "0.9",
                "RUNWRIGHT_SQL_ADMIN_REQUESTS_PER_MINUTE", "0",
                "RUNWRIGHT_LOG_LEVEL", "loud",
                "RUNWRIGHT_MANAGEMENT_PORT", "70000",
                "RUNWRIGHT_LEADER_ELECTION", "yes",
                "RUNWRIGHT_WATCH_NAMESPACES", "Team_A"));

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "unknown argument '--bogus' (run with --help to list the options)",
            "RUNWRIGHT_GCP_PROJECT: 'Bad_Project' is not a Google Cloud project id (6 to 30"
                + " lowercase letters, digits or hyphens, starting with a letter)",
            "RUNWRIGHT_ALLOWED_REGIONS: 'Mars' is not a Google Cloud region",
            "--resync-interval: 5s is shorter than the minimum of 30s",
            "RUNWRIGHT_RESYNC_JITTER: 0.9 is out of range (0 to 0.5)",
            "--concurrency: 'zero' is not a whole number",
            "RUNWRIGHT_SQL_ADMIN_REQUESTS_PER_MINUTE: 0 is out of range (1 to 100000)",
            "--cloud-run-endpoint: '127.0.0.1:8085' must start with http:// or https://",
            "RUNWRIGHT_WATCH_NAMESPACES: 'Team_A' is not a Kubernetes namespace name",
            "RUNWRIGHT_LOG_LEVEL: 'loud' is not one of [trace, debug, info, warn, error]",
            "RUNWRIGHT_MANAGEMENT_PORT: 70000 is out of range (0 to 65535)",
            "RUNWRIGHT_LEADER_ELECTION: 'yes' is not true or false");
  }

  @Test
  void theExceptionMessageListsTheProblems() {
    assertThatThrownBy(() -> read(List.of("--resync-interval=soon"), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "invalid operator configuration (1 problem):\n"
                + "  - --resync-interval: 'soon' is not a duration (write e.g. 500ms, 30s, 10m,"
                + " 1h30m or PT10M)");
  }

  @Test
  void rejectsMalformedFlags() {
    assertThat(problems(List.of("--project", "--concurrency=2", "--concurrency=3"), Map.of()))
        .containsExactly("--project needs a value", "--concurrency is given more than once");
  }

  @Test
  void rejectsEndpointsThatAreNotBaseUrls() {
    assertThat(
            problems(
                List.of(
                    "--sql-admin-endpoint=http://127.0.0.1:1/v1",
                    "--secret-manager-endpoint=ftp://x",
                    "--google-endpoint=http://"),
                Map.of()))
        .containsExactlyInAnyOrder(
            "--sql-admin-endpoint: 'http://127.0.0.1:1/v1' must be a base URL without a path",
            "--secret-manager-endpoint: 'ftp://x' must start with http:// or https://",
            "--google-endpoint: 'http://' is not a URL");
  }

  @Test
  void anEmptyVariableMeansUnsetForOptionalSettings() {
    OperatorConfig config =
        read(List.of(), Map.of("RUNWRIGHT_GCP_PROJECT", " ", "RUNWRIGHT_WATCH_NAMESPACES", ""));

    assertThat(config.defaultProject()).isEqualTo(Optional.empty());
    assertThat(config.watchesAllNamespaces()).isTrue();
  }

  @Test
  void usageListsEveryOptionWithItsVariable() {
    String usage = ConfigOption.usage();
    for (ConfigOption option : ConfigOption.values()) {
      assertThat(usage).contains(option.flag()).contains(option.envVar());
    }
  }
}
