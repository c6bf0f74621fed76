package dev.runwright.testsupport;

import static dev.runwright.testsupport.fixtures.FixtureCrd.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.testsupport.fixtures.FixtureCrd;
import dev.runwright.testsupport.fixtures.Probe;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real apiserver, kubectl and helm behave the way users of the CRDs will see them. */
@WithKubeApiServer
class KubeApiServerIT {

  @BeforeAll
  static void installFixtureCrd(KubeCluster cluster) {
    cluster.applyCrds(List.of(FixtureCrd.file()));
  }

  @Test
  void apiServerAndKubectlRunTheProvidedVersion(
      KubeCluster cluster, KubernetesClient client, KubeCommandLine cli) {
    String version = "v" + cluster.binaries().version();

    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo(version);
    assertThat(cli.kubectl("version", "-o", "json").assertSuccess().stdout())
        .contains("\"clientVersion\"", "\"serverVersion\"", "\"gitVersion\": \"" + version + "\"");
  }

  @Test
  void helmTalksToTheCluster(KubeCommandLine cli, TestNamespace namespace) {
    assertThat(cli.helm("version", "--short").assertSuccess().stdout()).startsWith("v3.");
    // `helm list` reads release secrets from the apiserver: it fails unless the kubeconfig works
    // for helm.
    assertThat(cli.helm("list", "--namespace", namespace.name()).assertSuccess().stdout())
        .startsWith("NAME");
  }

  @Test
  void categoryListsTheCustomResources(KubeCommandLine cli, TestNamespace namespace) {
    apply(cli, manifest(namespace.name(), "alpha", "europe-west1", "example/probe:1"));

    assertThat(
            cli.kubectl("get", "runwright", "-n", namespace.name(), "-o", "name").assertSuccess())
        .extracting(CommandResult::stdout)
        .isEqualTo("probe." + Probe.GROUP + "/alpha\n");
  }

  @Test
  void printerColumnsAppear(KubeCommandLine cli, TestNamespace namespace) {
    apply(cli, manifest(namespace.name(), "alpha", "europe-west1", "example/probe:1"));

    List<String> lines =
        cli.kubectl("get", "probes", "-n", namespace.name())
            .assertSuccess()
            .stdout()
            .lines()
            .toList();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("NAME", "REGION", "IMAGE", "READY", "AGE");
    assertThat(lines.get(1).split("\\s+")).startsWith("alpha", "europe-west1", "example/probe:1");
  }

  @Test
  void explainPrintsFieldDescriptions(KubeCommandLine cli) {
    assertThat(cli.kubectl("explain", "probes.spec.region").assertSuccess().stdout())
        .contains("GROUP:      " + Probe.GROUP)
        .contains("The Google Cloud region the probe lives in; fixed once created.");
    assertThat(cli.kubectl("explain", "probes.spec").assertSuccess().stdout())
        .contains("image\t<string>", "The container image the probe runs.");
  }

  @Test
  void celImmutabilityRuleRefusesAChange(KubeCommandLine cli, TestNamespace namespace) {
    apply(cli, manifest(namespace.name(), "alpha", "europe-west1", "example/probe:1"));

    CommandResult moved =
        cli.kubectlWithInput(
            manifest(namespace.name(), "alpha", "us-central1", "example/probe:2"),
            "apply",
            "-f",
            "-");

    assertThat(moved.succeeded()).as(moved.describe()).isFalse();
    assertThat(moved.stderr()).contains("spec.region", "region is immutable");
    assertThat(
            cli.kubectl(
                    "get",
                    "probe",
                    "alpha",
                    "-n",
                    namespace.name(),
                    "-o",
                    "jsonpath={.spec.region}")
                .assertSuccess()
                .stdout())
        .isEqualTo("europe-west1");
  }

  @Test
  void serverSideDryRunRefusesAnInvalidFileAndStoresNothing(
      KubeCommandLine cli, TestNamespace namespace) {
    String missingImage =
        """
        apiVersion: %s
        kind: Probe
        metadata:
          name: broken
          namespace: %s
        spec:
          region: europe-west1
        """
            .formatted(Probe.API_VERSION, namespace.name());

    CommandResult refused =
        cli.kubectlWithInput(missingImage, "apply", "--dry-run=server", "-f", "-");
    CommandResult accepted =
        cli.kubectlWithInput(
            manifest(namespace.name(), "fine", "europe-west1", "example/probe:1"),
            "apply",
            "--dry-run=server",
            "-f",
            "-");

    assertThat(refused.succeeded()).as(refused.describe()).isFalse();
    assertThat(refused.stderr()).contains("spec.image: Required value");
    assertThat(accepted.assertSuccess().stdout()).contains("probe." + Probe.GROUP + "/fine");
    assertThat(cli.kubectl("get", "probes", "-n", namespace.name(), "-o", "name").stdout())
        .isEmpty();
  }

  private static void apply(KubeCommandLine cli, String manifest) {
    cli.kubectlWithInput(manifest, "apply", "-f", "-").assertSuccess();
  }
}
