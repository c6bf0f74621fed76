package dev.runwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CRD files of the repository's {@code crds/} directory, which every test apiserver gets
 * installed.
 */
public final class ProjectCrds {

  /** Overrides where the CRDs are read from (a directory of YAML files). */
  public static final String DIRECTORY_PROPERTY = "runwright.crds.dir";

  private ProjectCrds() {}

  /** The YAML files to apply; empty if the repository has no {@code crds/} directory (yet). */
  public static List<Path> files() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    Path dir = configured != null ? Path.of(configured) : repositoryRoot().resolve("crds");
    if (!Files.isDirectory(dir)) {
      if (configured != null) {
        throw new IllegalStateException(
            DIRECTORY_PROPERTY + "=" + configured + " is not a directory");
      }
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /**
   * The checkout's root: the nearest directory upwards from the working directory that holds {@code
   * mvnw}.
   */
  public static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No repository root (a directory with mvnw) above " + start);
  }
}
