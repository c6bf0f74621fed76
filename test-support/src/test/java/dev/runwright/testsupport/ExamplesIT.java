package dev.runwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code examples/} is accepted by the real apiserver with the project's CRDs,
 * applied the way the README tells users to: a kustomize directory with {@code kubectl apply -k},
 * any other file on its own.
 */
@WithKubeApiServer
class ExamplesIT {

  private static final Path EXAMPLES = ProjectCrds.repositoryRoot().resolve("examples");

  /** What a user applies in one go: a kustomize directory, or a file outside any. */
  record Example(Path path) {
    boolean isKustomization() {
      return Files.isDirectory(path);
    }

    @Override
    public String toString() {
      return EXAMPLES.relativize(path).toString();
    }
  }

  static List<Example> examples() {
    List<Path> yamlFiles = yamlFiles();
    Set<Path> kustomizeDirs = new HashSet<>();
    for (Path file : yamlFiles) {
      if (file.getFileName().toString().equals("kustomization.yaml")) {
        kustomizeDirs.add(file.getParent());
      }
    }
    List<Example> examples = new ArrayList<>();
    kustomizeDirs.stream().sorted().map(Example::new).forEach(examples::add);
    yamlFiles.stream()
        .filter(file -> !kustomizeDirs.contains(file.getParent()))
        .map(Example::new)
        .forEach(examples::add);
    return examples;
  }

  @Test
  void everyFileBelongsToAnAppliedExample() {
    assertThat(EXAMPLES).as("examples/ of the repository").isDirectory();
    assertThat(examples()).isNotEmpty();
    for (Path file : yamlFiles()) {
      Path dir = file.getParent();
      if (Files.exists(dir.resolve("kustomization.yaml"))
          && !file.getFileName().toString().equals("kustomization.yaml")) {
        assertThat(read(dir.resolve("kustomization.yaml")))
            .as(
                "%s is applied through %s",
                EXAMPLES.relativize(file), dir.resolve("kustomization.yaml"))
            .contains("- " + file.getFileName());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void isAcceptedByTheApiServer(
      Example example, KubernetesClient client, KubeCommandLine cli, TestNamespace namespace) {
    String manifests =
        example.isKustomization()
            ? cli.kubectl("kustomize", example.path().toString()).assertSuccess().stdout()
            : read(example.path());
    List<HasMetadata> objects = load(client, manifests);
    assertThat(objects).as("objects in " + example).isNotEmpty();

    // Overlays choose their own namespace; everything else goes into the test's.
    Set<String> ownNamespaces = new HashSet<>();
    objects.stream()
        .map(o -> o.getMetadata().getNamespace())
        .filter(Objects::nonNull)
        .forEach(ownNamespaces::add);
    ownNamespaces.forEach(ns -> ensureNamespace(client, ns));
    List<String> apply = new ArrayList<>(List.of("apply", "-f", "-"));
    if (ownNamespaces.isEmpty()) {
      apply.addAll(List.of("-n", namespace.name()));
    }

    cli.kubectlWithInput(manifests, apply.toArray(String[]::new)).assertSuccess();

    for (HasMetadata object : objects) {
      String ns = Objects.requireNonNullElse(object.getMetadata().getNamespace(), namespace.name());
      assertThat(
              cli.kubectl(
                      "get",
                      object.getKind().toLowerCase(Locale.ROOT) + "." + group(object),
                      object.getMetadata().getName(),
                      "-n",
                      ns,
                      "-o",
                      "name")
                  .assertSuccess()
                  .stdout())
          .as("%s stored", object.getMetadata().getName())
          .isNotBlank();
    }
  }

  @Test
  void seedShowsItsPrinterColumnsAndRefusesARegionChange(
      KubernetesClient client, KubeCommandLine cli, TestNamespace namespace) {
    Path seed = EXAMPLES.resolve("seed");
    cli.kubectl("apply", "-k", seed.toString(), "-n", namespace.name()).assertSuccess();

    String listed =
        cli.kubectl("get", "runwright", "-n", namespace.name(), "-o", "wide")
            .assertSuccess()
            .stdout();
    for (CustomResourceDefinition crd : projectCrds(client)) {
      CustomResourceDefinitionVersion version =
          crd.getSpec().getVersions().stream()
              .filter(v -> v.getStorage())
              .findFirst()
              .orElseThrow();
      String kind = crd.getSpec().getNames().getKind();
      List<String> header =
          cli.kubectl("get", crd.getMetadata().getName(), "-n", namespace.name(), "-o", "wide")
              .assertSuccess()
              .stdout()
              .lines()
              .findFirst()
              .map(line -> List.of(line.trim().split("\\s{2,}")))
              .orElseThrow();
      assertThat(header)
          .as("kubectl get %s columns", kind)
          .containsAll(
              version.getAdditionalPrinterColumns().stream()
                  .map(c -> c.getName().toUpperCase(Locale.ROOT))
                  .toList());
      assertThat(listed)
          .contains(kind.toLowerCase(Locale.ROOT) + "." + crd.getSpec().getGroup() + "/");
    }

    CommandResult moved =
        cli.kubectl(
            "patch",
            "cloudsqldatabase",
            "jwt-db",
            "-n",
            namespace.name(),
            "--type=merge",
            "-p",
            "{\"spec\":{\"region\":\"europe-west1\"}}");
    assertThat(moved.succeeded()).as(moved.describe()).isFalse();
    assertThat(moved.stderr()).contains("spec.region", "region is immutable");
  }

  private static void ensureNamespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .fieldManager(KubeCluster.FIELD_MANAGER)
        .serverSideApply();
  }

  private static List<HasMetadata> load(KubernetesClient client, String manifests) {
    return client
        .load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
        .items();
  }

  private static String group(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
  }

  private static List<CustomResourceDefinition> projectCrds(KubernetesClient client) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : ProjectCrds.files()) {
      try (InputStream in = Files.newInputStream(file)) {
        client.load(in).items().stream()
            .map(CustomResourceDefinition.class::cast)
            .forEach(crds::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return crds;
  }

  private static List<Path> yamlFiles() {
    if (!Files.isDirectory(EXAMPLES)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
