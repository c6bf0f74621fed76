package dev.runwright.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.operator.cli.RunwrightCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator image that {@code package} builds with Jib (target/jib-image.tar) and the Helm chart
 * installs: non-root, the CLI's {@code run} command, reproducible.
 */
class OperatorImageIT {
  private static final Path TARBALL = Path.of("target", "jib-image.tar");

  private static JsonNode manifest;
  private static JsonNode config;

  @BeforeAll
  static void read() throws IOException {
    assertThat(TARBALL).as("built by the package phase (jib:buildTar)").exists();
    Map<String, byte[]> entries = outerEntries(TARBALL);
    ObjectMapper json = new ObjectMapper();
    manifest = json.readTree(entries.get("manifest.json")).get(0);
    config = json.readTree(entries.get(manifest.get("Config").asText()));
  }

  @Test
  void runsTheOperatorAsNonRoot() {
    JsonNode container = config.get("config");
    assertThat(container.get("User").asText()).isEqualTo("65532");
    List<String> entrypoint = strings(container.get("Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError");
    assertThat(entrypoint.subList(entrypoint.size() - 3, entrypoint.size()))
        .containsExactly("-cp", "@/app/jib-classpath-file", RunwrightCli.class.getName());
    assertThat(strings(container.get("Cmd"))).containsExactly("run");
    assertThat(container.get("ExposedPorts").has("8080/tcp")).isTrue();
  }

  @Test
  void isReproducibleAndLayered() {
    assertThat(config.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    // Dependencies, resources, classes and the JVM argument files: a code change ships one small
    // layer.
    assertThat(manifest.get("Layers").size()).isGreaterThanOrEqualTo(3);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The top-level files of a (ustar) tar archive, as Jib's docker-archive writes them. */
  private static Map<String, byte[]> outerEntries(Path tarball) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(tarball)) {
      while (true) {
        byte[] header = in.readNBytes(512);
        if (header.length < 512 || header[0] == 0) {
          return entries;
        }
        String name =
            new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "").strip();
        String sizeOctal =
            new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").strip();
        long size = sizeOctal.isEmpty() ? 0 : Long.parseLong(sizeOctal, 8);
        byte[] content = in.readNBytes(Math.toIntExact(size));
        entries.put(name, content);
        long padding = (512 - size % 512) % 512;
        in.skipNBytes(padding);
      }
    }
  }
}
