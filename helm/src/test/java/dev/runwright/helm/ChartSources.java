package dev.runwright.helm;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the chart lives: its sources in the repository and the copy the build assembles. */
final class ChartSources {
  private static final String ASSEMBLED_PROPERTY = "runwright.chart.dir";

  private ChartSources() {}

  /** helm/runwright in the checkout (the module's base directory is helm/). */
  static Path directory() {
    Path dir = Path.of("runwright").toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
      throw new IllegalStateException("No chart sources at " + dir + "; run the tests from helm/");
    }
    return dir;
  }

  /**
   * The chart as installed: the sources plus the generated CRDs, assembled by the build into
   * target/chart/runwright (generate-resources phase).
   */
  static Path assembled() {
    String configured = System.getProperty(ASSEMBLED_PROPERTY);
    Path dir = Path.of(configured != null ? configured : "target/chart/runwright").toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("Chart.yaml"))
        || !Files.isDirectory(dir.resolve("crds"))) {
      throw new IllegalStateException(
          "No assembled chart at " + dir + "; the Maven build of the helm module assembles it");
    }
    return dir;
  }
}
