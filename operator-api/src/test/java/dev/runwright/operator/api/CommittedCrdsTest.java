package dev.runwright.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs in crds/ are generated from this module; the build fails when they are stale, so the
 * committed files always match the Java model.
 */
class CommittedCrdsTest {
  static final List<String> CRD_FILES =
      List.of(
          "cloudsqldatabases.runwright.dev-v1.yml",
          "migrationjobs.runwright.dev-v1.yml",
          "cloudrunservices.runwright.dev-v1.yml");

  static final Path COMMITTED = Path.of("..", "crds");

  @Test
  void committedCrdsMatchAFreshGeneration() throws IOException {
    for (String file : CRD_FILES) {
      String generated = generated(file);
      Path committed = COMMITTED.resolve(file);
      assertThat(committed)
          .as("crds/%s is missing: run `make crds` and commit the result", file)
          .exists();
      assertThat(Files.readString(committed))
          .as("crds/%s is stale: run `make crds` and commit the result", file)
          .isEqualTo(generated);
    }
  }

  @Test
  void crdsDirectoryHoldsNoOtherCrd() throws IOException {
    try (Stream<Path> files = Files.list(COMMITTED)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .as("crds/ holds exactly the generated CRDs (health checks live in crds/health/)")
          .containsExactlyInAnyOrderElementsOf(CRD_FILES);
    }
  }

  static String generated(String file) throws IOException {
    try (InputStream in =
        CommittedCrdsTest.class.getResourceAsStream("/META-INF/fabric8/" + file)) {
      assertThat(in).as("generated CRD %s on the classpath", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
