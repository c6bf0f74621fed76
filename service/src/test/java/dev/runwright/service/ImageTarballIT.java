package dev.runwright.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runwright.service.testing.ImageTarball;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inspects the image tarball that {@code package} builds with Jib (target/jib-image.tar). */
class ImageTarballIT {
  private static final Path TARBALL = Path.of("target", "jib-image.tar");

  private static ImageTarball image;
  private static Map<String, byte[]> files;

  @BeforeAll
  static void read() throws Exception {
    assertThat(TARBALL).as("built by the package phase (jib:buildTar)").exists();
    image = ImageTarball.read(TARBALL);
    files = image.files();
  }

  @Test
  void runsAsNonRootWithTheServeCommand() {
    JsonNode config = image.config().get("config");
    assertThat(config.get("User").asText()).isEqualTo("65532");
    List<String> entrypoint = strings(config.get("Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint)
        .contains(
            "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=70", "--enable-native-access=ALL-UNNAMED");
    assertThat(entrypoint.subList(entrypoint.size() - 3, entrypoint.size()))
        .containsExactly("-cp", "@/app/jib-classpath-file", Main.class.getName());
    assertThat(strings(config.get("Cmd"))).containsExactly("serve");
    assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("Env"))
        .allSatisfy(e -> assertThat(e.asText()).doesNotContainIgnoringCase("password"));
  }

  @Test
  void applicationLayersArePresentAndTheClasspathResolves() {
    assertThat(image.layerDigests()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(files)
        .containsKey("/app/classes/dev/runwright/service/Main.class")
        .containsKey("/app/resources/db/migration/V1__create_users.sql")
        .containsKey("/app/resources/dev/runwright/service/http/openapi.json");
    assertThat(files.keySet())
        .anyMatch(p -> p.matches("/app/libs/helidon-webserver-4[.0-9]+\\.jar"));
    String classpath =
        new String(files.get("/app/jib-classpath-file"), StandardCharsets.UTF_8).strip();
    for (String entry : classpath.split(":")) {
      assertThat(
              entry.endsWith(".jar")
                  ? files.containsKey(entry)
                  : files.keySet().stream().anyMatch(f -> f.startsWith(entry + "/")))
          .as("classpath entry %s is in the image", entry)
          .isTrue();
    }
  }

  @Test
  void containsNoEnvFilesOrSecrets() {
    for (String path : files.keySet()) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      assertThat(name).as(path).isNotEqualTo(".env").doesNotStartWith(".env.");
      assertThat(name)
          .as(path)
          .doesNotEndWith(".pem")
          .doesNotEndWith(".key")
          .doesNotEndWith(".p12")
          .doesNotEndWith(".jks");
      assertThat(name).as(path).doesNotContain("jwt-signing-key").isNotEqualTo("id_rsa");
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      if (!file.getKey().endsWith(".jar") && !file.getKey().endsWith(".class")) {
        String text = new String(file.getValue(), StandardCharsets.UTF_8);
        assertThat(text).as(file.getKey()).doesNotContain("PRIVATE KEY").doesNotContain("\"d\":\"");
      }
    }
  }

  @Test
  void isReproducible() throws Exception {
    assertThat(image.config().get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(Files.size(TARBALL)).isPositive();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
