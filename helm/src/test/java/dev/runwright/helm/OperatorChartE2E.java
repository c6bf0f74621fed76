package dev.runwright.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.emulator.control.Fault;
import dev.runwright.testsupport.CommandResult;
import dev.runwright.testsupport.KubeCluster;
import dev.runwright.testsupport.ProjectCrds;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart installed with {@code helm install}, the operator running as a local process with
 * exactly the chart ServiceAccount's rights (a TokenRequest token), against the emulator; the seed
 * deployment applied with kubectl reaches Ready, and every request the operator made is compared
 * with the chart's RBAC rules in the apiserver's audit log: nothing denied, every rule used.
 */
@WithKubeApiServer
@Order(2)
class OperatorChartE2E {
  private static final String RELEASE = "runwright";
  private static final String PROJECT = "runwright-e2e";

  /** Below the harness's two-minute limit per command. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(100);

  /** The seed deployment's objects, as {@code kubectl wait} names them. */
  private static final List<String> SEED =
      List.of("cloudsqldatabase/jwt-db", "migrationjob/jwt-migrate", "cloudrunservice/jwt-service");

  /**
   * @param namespaced the chart's namespaced mode (watchedNamespaces: a Role in the seed's
   *     namespace only) instead of a ClusterRole
   */
  @ParameterizedTest(name = "namespaced mode: {0}")
  @ValueSource(booleans = {false, true})
  void seedReachesReadyWithTheChartsRbacAndNothingMore(
      boolean namespaced,
      KubeCluster cluster,
      KubernetesClient admin,
      TestNamespace namespace,
      @TempDir Path work)
      throws Exception {
    String operatorNamespace = namespace.name();
    String app = cluster.createNamespace("seed").name();
    String mode = namespaced ? "namespaced" : "cluster";
    Path log = Path.of("target", "e2e-operator-" + mode + ".log").toAbsolutePath();
    Path callsFile = Path.of("target", "e2e-operator-api-calls-" + mode + ".txt").toAbsolutePath();
    try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
      new EmulatedSecrets(emulator.endpoint(), PROJECT)
          .create("jwt-signing-key", EmulatedSecrets.signingKeyJwk());
      String values =
          "gcp.project="
              + PROJECT
              + ",gcp.endpoint="
              + emulator.endpoint()
              + ",logging.format=text,resync.interval=30s"
              + (namespaced ? ",watchedNamespaces={" + app + "}" : "");
      cluster
          .commandLine()
          .helm(
              "install",
              RELEASE,
              ChartSources.assembled().toString(),
              "--namespace",
              operatorNamespace,
              "--set",
              values)
          .assertSuccess();
      GrantedRules granted =
          GrantedRules.of(
              RenderedChart.render(cluster, RELEASE, operatorNamespace, "--set", values));

      Path kubeconfig =
          ServiceAccountKubeconfig.write(
              admin, operatorNamespace, RELEASE, work.resolve("operator-kubeconfig"));
      if (namespaced) {
        leaderElectionNeedsUpdate(cluster, admin, operatorNamespace, kubeconfig, work);
      }
      try (OperatorProcess operator =
          OperatorProcess.start(podEnvironment(admin, operatorNamespace), kubeconfig, log)) {
        operator.awaitReady(Duration.ofMinutes(2));
        // Two identical transient failures: the second Retrying event is counted on the first.
        emulator.control().faults().add(Fault.status("sql.instances.get", 503, 2));
        try {
          runSeedScenario(cluster, admin, app);
        } catch (AssertionError e) {
          throw new AssertionError(explain(e, cluster, app, operator, log), e);
        }
        assertThat(operator.isAlive()).as("the operator is still running").isTrue();
        assertThat(operator.logText())
            .as("RBAC denials in the operator's log")
            .doesNotContainIgnoringCase("forbidden");
      }

      List<ApiCall> calls =
          AuditLog.callsBy(
              cluster.auditLog(), "system:serviceaccount:" + operatorNamespace + ":" + RELEASE);
      // For whoever reads a failure: every request the operator made.
      Files.write(callsFile, calls.stream().map(ApiCall::toString).toList());
      assertThat(calls).as("the operator's requests in the audit log").isNotEmpty();
      assertThat(calls).as("requests the apiserver denied").noneMatch(ApiCall::forbidden);
      assertThat(calls).as("requests the chart's rules do not allow").allMatch(granted::allows);
      Set<String> unused = new TreeSet<>();
      for (GrantedRules.Grant grant : granted.grants()) {
        if (calls.stream().noneMatch(grant::allows)) {
          unused.add(grant.toString());
        }
      }
      // Checked by the operator framework at start-up, never sent (see leaderElectionNeedsUpdate).
      unused.remove("update coordination.k8s.io/leases [" + RELEASE + "] in " + operatorNamespace);
      assertThat(unused)
          .as(
              "rules the operator never needed (the chart's RBAC is not minimal); calls in "
                  + callsFile)
          .isEmpty();
    }
  }

  /**
   * The one rule no request uses: update on the leader-election Lease (renewals are PATCHes). The
   * operator framework checks it with a SelfSubjectRulesReview before it starts, so without it the
   * operator does not start; namespaced mode shows it, where no other rule grants Lease updates in
   * the release namespace.
   */
  private static void leaderElectionNeedsUpdate(
      KubeCluster cluster,
      KubernetesClient admin,
      String operatorNamespace,
      Path kubeconfig,
      Path work) {
    String role = "role/" + RELEASE + "-leader-election";
    String namedRule = "/rules/1/verbs";
    kubectl(
        cluster,
        "patch",
        role,
        "-n",
        operatorNamespace,
        "--type=json",
        "-p",
        "[{\"op\":\"replace\",\"path\":\"" + namedRule + "\",\"value\":[\"get\",\"patch\"]}]");
    try (OperatorProcess withoutUpdate =
        OperatorProcess.start(
            podEnvironment(admin, operatorNamespace),
            kubeconfig,
            work.resolve("operator-without-update.log"))) {
      assertThat(withoutUpdate.awaitExit(Duration.ofMinutes(1))).isNotZero();
      assertThat(withoutUpdate.logText()).contains("missing required verbs: [update]");
    }
    kubectl(
        cluster,
        "patch",
        role,
        "-n",
        operatorNamespace,
        "--type=json",
        "-p",
        "[{\"op\":\"replace\",\"path\":\""
            + namedRule
            + "\",\"value\":[\"get\",\"update\",\"patch\"]}]");
  }

  /** What a user does: apply the seed, wait for Ready, look at it with kubectl, delete it. */
  private static void runSeedScenario(KubeCluster cluster, KubernetesClient admin, String app) {
    kubectl(cluster, "apply", "-n", app, "-k", seed().toString());
    List<String> wait = new ArrayList<>(List.of("wait", "-n", app, "--for=condition=Ready"));
    wait.addAll(SEED);
    wait.add("--timeout=" + READY_TIMEOUT.toSeconds() + "s");
    kubectl(cluster, wait.toArray(String[]::new));

    String listed = kubectl(cluster, "get", "runwright", "-n", app).stdout();
    assertThat(listed)
        .contains("cloudsqldatabase.runwright.dev/jwt-db")
        .contains("migrationjob.runwright.dev/jwt-migrate")
        .contains("cloudrunservice.runwright.dev/jwt-service")
        .contains("READY");
    assertThat(listed.lines().filter(line -> line.contains("True"))).hasSize(SEED.size());
    for (String object : SEED) {
      String described = kubectl(cluster, "describe", object, "-n", app).stdout();
      assertThat(described).contains("Events:");
      assertThat(described.substring(described.indexOf("Events:")))
          .as("kubectl describe %s shows the operator's Events", object)
          .containsPattern("Normal\\s+[A-Z]\\w+");
    }

    assertThat(kubectl(cluster, "describe", "cloudsqldatabase/jwt-db", "-n", app).stdout())
        .containsPattern("Warning\\s+RetryingAfterError");
    assertThat(
            kubectl(
                    cluster,
                    "get",
                    "events.events.k8s.io",
                    "-n",
                    app,
                    "-o",
                    "jsonpath={range .items[?(@.reason==\"RetryingAfterError\")]}{.series.count}{\"\\n\"}{end}")
                .stdout())
        .as("a repeated failure is one Event, counted")
        .contains("2");

    // Release 1.0.1 of both, while a lock left behind by a deleted MigrationJob is there: the
    // operator takes the lock over, migrates, releases the lock, then shifts traffic.
    leftBehindMigrationLock(admin, app);
    for (String object : List.of("migrationjob/jwt-migrate", "cloudrunservice/jwt-service")) {
      kubectl(
          cluster,
          "patch",
          object,
          "-n",
          app,
          "--type=merge",
          "-p",
          "{\"spec\":{\"image\":\"runwright/jwt-service:1.0.1\"}}");
    }
    for (String object : List.of("migrationjob/jwt-migrate", "cloudrunservice/jwt-service")) {
      kubectl(
          cluster,
          "wait",
          "-n",
          app,
          object,
          "--for=jsonpath={.status.observedGeneration}=2",
          "--timeout=" + READY_TIMEOUT.toSeconds() + "s");
      kubectl(
          cluster,
          "wait",
          "-n",
          app,
          object,
          "--for=condition=Ready",
          "--timeout=" + READY_TIMEOUT.toSeconds() + "s");
    }
    assertThat(
            kubectl(
                    cluster,
                    "get",
                    "migrationjob/jwt-migrate",
                    "-n",
                    app,
                    "-o",
                    "jsonpath={.status.succeededRelease}")
                .stdout())
        .isEqualTo("runwright/jwt-service:1.0.1");
    assertThat(admin.resources(Lease.class).inNamespace(app).list().getItems())
        .as("the migration lock is released")
        .isEmpty();

    // Deleting goes through the operator's finalizers (the seed keeps its Google resources).
    kubectl(cluster, "delete", "-n", app, "-k", seed().toString(), "--timeout=100s");
  }

  /**
   * The migration lock of jwt-db as a MigrationJob leaves it behind when it is deleted while its
   * execution runs, once that execution is gone: the next migration takes it over (an update of the
   * Lease).
   */
  private static void leftBehindMigrationLock(KubernetesClient admin, String app) {
    admin
        .resources(Lease.class)
        .inNamespace(app)
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName("runwright-migration-jwt-db")
                .addToAnnotations(
                    "runwright.dev/holder-uid", "5f0e4a52-0000-4000-8000-000000000000")
                .addToAnnotations(
                    "runwright.dev/execution",
                    "projects/"
                        + PROJECT
                        + "/locations/asia-east1/jobs/jwt-migrate-old/executions/jwt-migrate-old-gone")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("jwt-migrate-old")
                .endSpec()
                .build())
        .create();
  }

  private static String explain(
      AssertionError failure, KubeCluster cluster, String app, OperatorProcess operator, Path log) {
    String[] lines = operator.logText().split("\n");
    return failure.getMessage()
        + "\n--- kubectl get runwright -o yaml ---\n"
        + cluster.commandLine().kubectl("get", "runwright", "-n", app, "-o", "yaml").stdout()
        + "\n--- the operator's log, last lines (all in "
        + log
        + ") ---\n"
        + String.join(
            "\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
  }

  /** The operator container's environment as installed, with downward-API values resolved. */
  private static Map<String, String> podEnvironment(KubernetesClient admin, String namespace) {
    Deployment deployment =
        admin.apps().deployments().inNamespace(namespace).withName(RELEASE).get();
    Map<String, String> environment = new LinkedHashMap<>();
    for (EnvVar variable :
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (variable.getValueFrom() == null) {
        // The apiserver stores an empty value as no value.
        environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
      } else if ("metadata.namespace"
          .equals(variable.getValueFrom().getFieldRef().getFieldPath())) {
        environment.put(variable.getName(), namespace);
      } else {
        throw new IllegalStateException("unexpected environment variable source " + variable);
      }
    }
    return environment;
  }

  private static Path seed() {
    return ProjectCrds.repositoryRoot().resolve("examples/seed");
  }

  private static CommandResult kubectl(KubeCluster cluster, String... args) {
    return cluster.commandLine().kubectl(args).assertSuccess();
  }
}
