package dev.runwright.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.testsupport.CommandResult;
import dev.runwright.testsupport.KubeCluster;
import dev.runwright.testsupport.ProjectCrds;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart as helm and the real apiserver see it: lint and template are clean with default and
 * non-default values, every rendered manifest is accepted by {@code kubectl apply
 * --dry-run=server}, the pod is hardened, and RBAC grants exactly the operator's rights.
 */
@WithKubeApiServer
class ChartIT {
  private static final String RELEASE = "runwright";
  private static final Set<String> WATCH_RULES =
      Set.of(
          "runwright.dev/cloudsqldatabases:list",
          "runwright.dev/cloudsqldatabases:watch",
          "runwright.dev/cloudsqldatabases:patch",
          "runwright.dev/migrationjobs:list",
          "runwright.dev/migrationjobs:watch",
          "runwright.dev/cloudrunservices:list",
          "runwright.dev/cloudrunservices:watch",
          "runwright.dev/cloudrunservices:patch",
          "runwright.dev/cloudsqldatabases/status:patch",
          "runwright.dev/migrationjobs/status:patch",
          "runwright.dev/cloudrunservices/status:patch",
          "events.k8s.io/events:get",
          "events.k8s.io/events:create",
          "events.k8s.io/events:patch",
          "coordination.k8s.io/leases:get",
          "coordination.k8s.io/leases:create",
          "coordination.k8s.io/leases:update",
          "coordination.k8s.io/leases:delete");

  @Test
  void lintIsCleanWithDefaultAndNonDefaultValues(KubeCluster cluster) {
    String chart = ChartSources.assembled().toString();
    for (CommandResult lint :
        List.of(
            cluster.commandLine().helm("lint", "--strict", chart),
            cluster
                .commandLine()
                .helm(
                    "lint",
                    "--strict",
                    chart,
                    "-f",
                    RenderedChart.fixture("nondefault-values.yaml").toString(),
                    "--set",
                    "watchedNamespaces={team-a,team-b}"))) {
      lint.assertSuccess();
      assertThat(lint.stdout())
          .contains("1 chart(s) linted, 0 chart(s) failed")
          .doesNotContain("[WARNING]")
          .doesNotContain("[ERROR]");
    }
  }

  @Test
  void defaultManifestsAreAcceptedByTheApiserver(KubeCluster cluster, TestNamespace namespace) {
    RenderedChart chart = RenderedChart.render(cluster, RELEASE, namespace.name());

    assertThat(chart.objects())
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "CustomResourceDefinition/cloudrunservices.runwright.dev",
            "CustomResourceDefinition/cloudsqldatabases.runwright.dev",
            "CustomResourceDefinition/migrationjobs.runwright.dev",
            "ServiceAccount/runwright",
            "ClusterRole/runwright",
            "ClusterRoleBinding/runwright",
            "Role/runwright-leader-election",
            "RoleBinding/runwright-leader-election",
            "Service/runwright-metrics",
            "Deployment/runwright");
    assertAcceptedByTheApiserver(cluster, chart);
  }

  @Test
  void nonDefaultManifestsAreAcceptedByTheApiserver(KubeCluster cluster, TestNamespace namespace) {
    String teamA = cluster.createNamespace("team-a").name();
    String teamB = cluster.createNamespace("team-b").name();
    cluster.applyCrds(List.of(RenderedChart.fixture("servicemonitor-crd.yaml")));
    RenderedChart chart =
        RenderedChart.render(
            cluster,
            RELEASE,
            namespace.name(),
            "-f",
            RenderedChart.fixture("nondefault-values.yaml").toString(),
            "--set",
            "watchedNamespaces={" + teamA + "," + teamB + "}");

    // Namespaced mode: no cluster-wide rights at all, the same rules in each watched namespace.
    assertThat(chart.all(ClusterRole.class)).isEmpty();
    assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
    for (String watched : List.of(teamA, teamB)) {
      Role role =
          chart.all(Role.class).stream()
              .filter(r -> r.getMetadata().getNamespace().equals(watched))
              .findFirst()
              .orElseThrow();
      assertThat(permissions(role.getRules())).isEqualTo(new TreeSet<>(WATCH_RULES));
      RoleBinding binding =
          chart.all(RoleBinding.class).stream()
              .filter(b -> b.getMetadata().getNamespace().equals(watched))
              .findFirst()
              .orElseThrow();
      assertThat(binding.getSubjects())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.getName()).isEqualTo("platform-runwright");
                assertThat(s.getNamespace()).isEqualTo(namespace.name());
              });
    }
    Role leader = chart.get(Role.class, "platform-runwright-leader-election");
    assertThat(leader.getMetadata().getNamespace()).isEqualTo(namespace.name());
    assertThat(leader.getRules())
        .anySatisfy(
            r -> assertThat(r.getResourceNames()).containsExactly("platform-runwright-leader"));

    ServiceAccount account = chart.get(ServiceAccount.class, "platform-runwright");
    assertThat(account.getMetadata().getAnnotations())
        .containsEntry(
            "iam.gke.io/gcp-service-account", "runwright@acme-prod.iam.gserviceaccount.com")
        .containsEntry("team", "platform");

    Deployment deployment = chart.get(Deployment.class, "platform-runwright");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(operator.getImage())
        .isEqualTo(
            "registry.invalid/platform/runwright-operator@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assertThat(env(operator))
        .containsEntry("RUNWRIGHT_GCP_PROJECT", "acme-prod")
        .containsEntry("RUNWRIGHT_ALLOWED_REGIONS", "europe-west1,europe-west4")
        .containsEntry("RUNWRIGHT_WATCH_NAMESPACES", teamA + "," + teamB)
        .containsEntry("RUNWRIGHT_RESYNC_INTERVAL", "5m")
        .containsEntry("RUNWRIGHT_RESYNC_JITTER", "0.2")
        .containsEntry("RUNWRIGHT_RECONCILE_CONCURRENCY", "10")
        .containsEntry("RUNWRIGHT_CLOUD_RUN_WRITES_PER_MINUTE", "30")
        .containsEntry("RUNWRIGHT_CLOUD_RUN_READS_PER_MINUTE", "120")
        .containsEntry("RUNWRIGHT_SQL_ADMIN_REQUESTS_PER_MINUTE", "90")
        .containsEntry("RUNWRIGHT_SECRET_MANAGER_REQUESTS_PER_MINUTE", "300")
        .containsEntry("RUNWRIGHT_RATE_LIMIT_MAX_WAIT", "5s")
        .containsEntry("RUNWRIGHT_GOOGLE_TIMEOUT", "45s")
        .containsEntry("RUNWRIGHT_LOG_LEVEL", "DEBUG")
        .containsEntry("RUNWRIGHT_LOG_FORMAT", "text")
        .containsEntry("RUNWRIGHT_MANAGEMENT_PORT", "9090")
        .containsEntry("RUNWRIGHT_LEASE_NAME", "platform-runwright-leader")
        .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60");
    assertThat(operator.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9090));

    Service metrics = chart.get(Service.class, "platform-runwright-metrics");
    assertThat(metrics.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(9090));
    GenericKubernetesResource monitor =
        chart.get(GenericKubernetesResource.class, "platform-runwright");
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");

    assertAcceptedByTheApiserver(cluster, chart);
  }

  @Test
  void podIsHardened(KubeCluster cluster, TestNamespace namespace) {
    Deployment deployment =
        RenderedChart.render(cluster, RELEASE, namespace.name()).get(Deployment.class, RELEASE);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    Container operator = pod.getContainers().get(0);
    SecurityContext container = operator.getSecurityContext();
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getPrivileged()).isNull();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    // The only writable place is a small memory-backed /tmp.
    assertThat(operator.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir().getSizeLimit()).isNotNull());
    assertThat(pod.getHostNetwork()).isNull();
    assertThat(pod.getHostPID()).isNull();

    assertThat(operator.getArgs()).containsExactly("run");
    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getResources().getLimits()).containsKey("memory");
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal())
        .isEqualTo("management");
    assertThat(operator.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
    assertThat(env(operator))
        .containsEntry("RUNWRIGHT_MANAGEMENT_PORT", "8080")
        .containsEntry("RUNWRIGHT_LEADER_ELECTION", "true")
        .containsEntry("RUNWRIGHT_LEASE_NAME", RELEASE)
        .containsEntry("RUNWRIGHT_WATCH_NAMESPACES", "")
        .containsEntry("RUNWRIGHT_RESYNC_INTERVAL", "10m");
    assertThat(
            operator.getEnv().stream()
                .filter(e -> e.getName().equals("RUNWRIGHT_LEASE_NAMESPACE"))
                .findFirst()
                .orElseThrow()
                .getValueFrom()
                .getFieldRef()
                .getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void rbacGrantsOnlyTheOperatorsRights(KubeCluster cluster, TestNamespace namespace) {
    RenderedChart chart = RenderedChart.render(cluster, RELEASE, namespace.name());

    ClusterRole role = chart.get(ClusterRole.class, RELEASE);
    assertThat(permissions(role.getRules())).isEqualTo(new TreeSet<>(WATCH_RULES));
    assertThat(role.getRules())
        .allSatisfy(
            rule -> {
              assertThat(rule.getVerbs()).doesNotContain("*");
              assertThat(rule.getResources()).doesNotContain("*", "secrets", "configmaps", "pods");
              assertThat(rule.getApiGroups()).doesNotContain("*");
            });
    Role leader = chart.get(Role.class, RELEASE + "-leader-election");
    assertThat(leader.getMetadata().getNamespace()).isEqualTo(namespace.name());
    assertThat(leader.getRules())
        .satisfiesExactlyInAnyOrder(
            create -> {
              assertThat(create.getVerbs()).containsExactly("create");
              assertThat(create.getResourceNames()).isNullOrEmpty();
            },
            named -> {
              assertThat(named.getVerbs()).containsExactlyInAnyOrder("get", "update", "patch");
              assertThat(named.getResourceNames()).containsExactly(RELEASE);
            });
    assertThat(permissions(leader.getRules()))
        .containsExactlyInAnyOrder(
            "coordination.k8s.io/leases:create",
            "coordination.k8s.io/leases:get",
            "coordination.k8s.io/leases:update",
            "coordination.k8s.io/leases:patch");
    assertThat(chart.get(ClusterRoleBinding.class, RELEASE).getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getNamespace()).isEqualTo(namespace.name());
            });
  }

  @Test
  void invalidValuesAreRefusedWithEveryProblemAtOnce(KubeCluster cluster) {
    CommandResult result =
        cluster
            .commandLine()
            .helm(
                "template",
                RELEASE,
                ChartSources.assembled().toString(),
                "--set",
                "replicaCount=2,leaderElection.enabled=false,logging.level=LOUD,logging.format=xml");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("replicaCount > 1 needs leaderElection.enabled=true")
        .contains("logging.level must be TRACE, DEBUG, INFO, WARN or ERROR, not \"LOUD\"")
        .contains("logging.format must be json or text, not \"xml\"");

    // One replica without leader election is a valid (if fragile) choice, and needs no Lease
    // rights.
    RenderedChart single =
        RenderedChart.render(
            cluster, RELEASE, "default", "--set", "replicaCount=1,leaderElection.enabled=false");
    assertThat(single.all(Role.class)).isEmpty();
  }

  @Test
  void crdsAreTheRepositorysGeneratedOnes() throws Exception {
    Path crds = ChartSources.assembled().resolve("crds");
    List<Path> repository = ProjectCrds.files();
    assertThat(repository).hasSize(3);
    try (Stream<Path> files = Files.list(crds)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(repository.stream().map(p -> p.getFileName().toString()).toList());
    }
    for (Path file : repository) {
      assertThat(crds.resolve(file.getFileName())).hasSameBinaryContentAs(file);
    }
  }

  /**
   * Every object carries its namespace, so the Roles of watched namespaces go where they belong.
   */
  private static void assertAcceptedByTheApiserver(KubeCluster cluster, RenderedChart chart) {
    // The CRDs, as the chart ships them, against what the cluster has (server-side dry run too).
    assertThat(chart.all(CustomResourceDefinition.class)).hasSize(3);
    CommandResult applied =
        cluster
            .commandLine()
            .kubectlWithInput(
                chart.yaml(),
                "apply",
                "--dry-run=server",
                "--server-side",
                "--field-manager=helm-chart-test",
                "--force-conflicts",
                "-f",
                "-")
            .assertSuccess();
    assertThat(applied.stdout().lines())
        .hasSize(chart.objects().size())
        .allSatisfy(line -> assertThat(line).endsWith("(server dry run)"));
    assertThat(applied.stderr()).doesNotContainIgnoringCase("warning");
  }

  private static Set<String> permissions(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            out.add(group + "/" + resource + ":" + verb);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
