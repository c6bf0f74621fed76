package dev.runwright.helm;

import dev.runwright.testsupport.CommandResult;
import dev.runwright.testsupport.KubeCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The manifests {@code helm template} renders for a release, as text and as objects. */
record RenderedChart(String yaml, List<HasMetadata> objects) {

  /**
   * Renders the assembled chart with the real helm.
   *
   * @param helmArgs further arguments, e.g. {@code -f values.yaml} or {@code --set a=b}
   */
  static RenderedChart render(
      KubeCluster cluster, String release, String namespace, String... helmArgs) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "template",
            release,
            ChartSources.assembled().toString(),
            "--namespace",
            namespace,
            "--include-crds"));
    args.addAll(List.of(helmArgs));
    CommandResult result = cluster.commandLine().helm(args.toArray(String[]::new)).assertSuccess();
    // Loading only parses (kinds the client does not know become generic resources).
    List<HasMetadata> objects =
        cluster
            .client()
            .load(new ByteArrayInputStream(result.stdout().getBytes(StandardCharsets.UTF_8)))
            .items();
    return new RenderedChart(result.stdout(), objects);
  }

  /** The one object of this type and name. */
  <T extends HasMetadata> T get(Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> Objects.equals(o.getMetadata().getName(), name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + type.getSimpleName() + " " + name + " in\n" + yaml));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(RenderedChart.class.getResource("/" + name)).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
