package dev.runwright.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * values.yaml documents every value, and the chart README's table of values is the one generated
 * from it. To regenerate the table: {@code make chart-docs}.
 */
class ChartReadmeTest {
  /** Set by {@code make chart-docs}: write the regenerated table instead of failing. */
  private static final String UPDATE_PROPERTY = "runwright.chart.updateReadme";

  private final Path sources = ChartSources.directory();
  private final ValuesDocumentation values =
      ValuesDocumentation.read(sources.resolve("values.yaml"));

  @Test
  void everyValueIsDocumented() {
    assertThat(values.undocumentedLeaves())
        .as("values without a '# --' comment on them or on a parent in values.yaml")
        .isEmpty();
    assertThat(values.entries())
        .extracting(ValuesDocumentation.Entry::key)
        .contains(
            "image.repository",
            "serviceAccount.gcpServiceAccount",
            "gcp.project",
            "gcp.allowedRegions",
            "watchedNamespaces",
            "resync.interval",
            "rateLimits.cloudRunWritesPerMinute",
            "logging.level",
            "metrics.serviceMonitor.enabled")
        .doesNotHaveDuplicates();
    assertThat(values.entries()).allSatisfy(e -> assertThat(e.description()).endsWith("."));
  }

  @Test
  void readmeTableIsGeneratedFromValues() throws Exception {
    Path readme = sources.resolve("README.md");
    String current = Files.readString(readme);
    String expected = values.updatedReadme(current);
    if (Boolean.getBoolean(UPDATE_PROPERTY) && !expected.equals(current)) {
      Files.writeString(readme, expected);
      current = expected;
    }
    assertThat(current)
        .as("%s is stale; run `make chart-docs` to regenerate its table of values", readme)
        .isEqualTo(expected);
  }
}
