package dev.runwright.operator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.migration.MigrationJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in examples/ is valid, and every example survives the Java model unchanged. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  private static final Map<String, Class<?>> MODEL =
      Map.of(
          "CloudSqlDatabase", CloudSqlDatabase.class,
          "MigrationJob", MigrationJob.class,
          "CloudRunService", CloudRunService.class);

  static Stream<Manifest> exampleObjects() {
    return new ManifestReader(System.in)
        .read(List.of(EXAMPLES)).manifests().stream().filter(CrdCatalog::isOurs);
  }

  @Test
  void examplesDirectoryIsValidWithoutWarnings() {
    ValidationRun.Report report =
        new ValidationRun(CrdCatalog.load(), new ManifestReader(System.in), true)
            .validate(List.of(EXAMPLES), List.of());

    assertThat(report.problems()).isEmpty();
    assertThat(report.objects()).as("seed (3) and variants (9)").isEqualTo(12);
  }

  @Test
  void examplesCoverEveryKindAndTheSeedDeployment() {
    assertThat(exampleObjects().map(Manifest::kind))
        .contains("CloudSqlDatabase", "MigrationJob", "CloudRunService");
    assertThat(exampleObjects().map(Manifest::name))
        .contains("jwt-db", "jwt-migrate", "jwt-service");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleObjects")
  void roundTripsThroughTheJavaModel(Manifest example) throws Exception {
    KubernetesSerialization serialization = new KubernetesSerialization();
    Object model = serialization.convertValue(example.object(), MODEL.get(example.kind()));
    JsonNode back = new ObjectMapper().readTree(serialization.asJson(model));

    assertThat(back).isEqualTo(example.object());
  }
}
