package dev.runwright.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.testsupport.KubeCluster;
import dev.runwright.testsupport.ProjectCrds;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What a platform team does with the chart: {@code helm install} (the chart's CRDs included),
 * {@code helm upgrade} with changed values, {@code helm uninstall}, which keeps the CRDs and every
 * custom resource. Runs before the other classes of this module (junit-platform.properties), since
 * it removes the CRDs for Helm to install them.
 */
@WithKubeApiServer
@Order(1)
class HelmLifecycleE2E {
  private static final String RELEASE = "runwright";
  private static final List<String> CRDS =
      List.of(
          "cloudsqldatabases.runwright.dev",
          "migrationjobs.runwright.dev",
          "cloudrunservices.runwright.dev");

  @Test
  void installUpgradeAndUninstallKeepTheCrds(
      KubeCluster cluster, KubernetesClient client, TestNamespace namespace) throws Exception {
    removeCrdsOfTheHarness(cluster, client);
    String chart = ChartSources.assembled().toString();

    cluster
        .commandLine()
        .helm(
            "install",
            RELEASE,
            chart,
            "--namespace",
            namespace.name(),
            "--set",
            "gcp.project=acme-staging,logging.level=INFO,resync.interval=10m")
        .assertSuccess();
    for (String crd : CRDS) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd)
          .waitUntilCondition(HelmLifecycleE2E::isEstablished, 60, TimeUnit.SECONDS);
    }
    assertThat(env(client, namespace.name()))
        .containsEntry("RUNWRIGHT_GCP_PROJECT", "acme-staging")
        .containsEntry("RUNWRIGHT_LOG_LEVEL", "INFO")
        .containsEntry("RUNWRIGHT_RESYNC_INTERVAL", "10m");
    assertThat(client.rbac().clusterRoles().withName(RELEASE).get()).isNotNull();
    assertThat(client.serviceAccounts().inNamespace(namespace.name()).withName(RELEASE).get())
        .isNotNull();
    // A user's resource, created while the operator is installed.
    cluster
        .commandLine()
        .kubectl(
            "apply",
            "-n",
            namespace.name(),
            "-f",
            ProjectCrds.repositoryRoot().resolve("examples/seed/cloudsqldatabase.yaml").toString())
        .assertSuccess();

    cluster
        .commandLine()
        .helm(
            "upgrade",
            RELEASE,
            chart,
            "--namespace",
            namespace.name(),
            "--reuse-values",
            "--set",
            "logging.level=DEBUG,resync.interval=2m,watchedNamespaces={" + namespace.name() + "}")
        .assertSuccess();
    assertThat(env(client, namespace.name()))
        .containsEntry("RUNWRIGHT_GCP_PROJECT", "acme-staging")
        .containsEntry("RUNWRIGHT_LOG_LEVEL", "DEBUG")
        .containsEntry("RUNWRIGHT_RESYNC_INTERVAL", "2m")
        .containsEntry("RUNWRIGHT_WATCH_NAMESPACES", namespace.name());
    // Namespaced mode now: the ClusterRole is gone, a Role took its place.
    assertThat(client.rbac().clusterRoles().withName(RELEASE).get()).isNull();
    assertThat(client.rbac().roles().inNamespace(namespace.name()).withName(RELEASE).get())
        .isNotNull();
    assertThat(
            cluster
                .commandLine()
                .helm("history", RELEASE, "--namespace", namespace.name())
                .assertSuccess()
                .stdout())
        .contains("superseded")
        .contains("deployed");

    cluster
        .commandLine()
        .helm("uninstall", RELEASE, "--namespace", namespace.name())
        .assertSuccess();
    assertThat(client.apps().deployments().inNamespace(namespace.name()).withName(RELEASE).get())
        .isNull();
    assertThat(client.serviceAccounts().inNamespace(namespace.name()).withName(RELEASE).get())
        .isNull();
    assertThat(client.rbac().roles().inNamespace(namespace.name()).list().getItems()).isEmpty();
    for (String crd : CRDS) {
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName(crd).get())
          .as("Helm keeps the CRD %s on uninstall", crd)
          .isNotNull();
    }
    assertThat(
            cluster
                .commandLine()
                .kubectl("get", "cloudsqldatabase", "jwt-db", "-n", namespace.name())
                .assertSuccess()
                .stdout())
        .contains("jwt-db");
    // Not left for the operators of later tests, which watch all namespaces.
    cluster
        .commandLine()
        .kubectl("delete", "cloudsqldatabase", "jwt-db", "-n", namespace.name())
        .assertSuccess();
  }

  /**
   * The harness installs the CRDs for every test; here Helm must install them from the chart.
   * Nothing else in this run has created custom resources yet (this class runs first).
   */
  private static void removeCrdsOfTheHarness(KubeCluster cluster, KubernetesClient client) {
    assertThat(
            cluster
                .commandLine()
                .kubectl("get", "runwright", "-A", "-o", "name")
                .assertSuccess()
                .stdout())
        .as("no custom resources exist before the chart is installed")
        .isBlank();
    for (String crd : CRDS) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd).delete();
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd)
          .waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);
    }
  }

  private static Map<String, String> env(KubernetesClient client, String namespace) {
    Deployment deployment =
        client.apps().deployments().inNamespace(namespace).withName(RELEASE).get();
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
