package dev.runwright.operator.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The corpus of invalid custom resources in src/test/resources/invalid-crs, shared by every test
 * that must refuse them (the offline validator here, the real apiserver elsewhere).
 *
 * <p>Each case is {@code NN-name.yaml}, one object, with two header comments: {@code # field:} the
 * field path the error names (empty for a rule on the whole object) and {@code # message:} a
 * fragment of the error message; both appear in the apiserver's error text (`kubectl apply
 * --dry-run=server`) and in `validate`'s output. An update case also has {@code NN-name.old.yaml},
 * a valid object with the same name to create first.
 */
public final class InvalidCrCorpus {
  /** Where the corpus lives on the test classpath. */
  public static final String RESOURCE_DIRECTORY = "/invalid-crs";

  /** One invalid object and the error it must produce. */
  public record Case(String id, Path file, Optional<Path> oldFile, String field, String message) {
    /** True when the object must be refused as an update of {@link #oldFile()}. */
    public boolean isUpdate() {
      return oldFile.isPresent();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private InvalidCrCorpus() {}

  public static Path directory() {
    URL url = InvalidCrCorpus.class.getResource(RESOURCE_DIRECTORY);
    if (url == null) {
      throw new IllegalStateException(RESOURCE_DIRECTORY + " is not on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Case> cases() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".old.yaml"))
          .sorted()
          .map(InvalidCrCorpus::toCase)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case toCase(Path file) {
    String fileName = file.getFileName().toString();
    String id = fileName.substring(0, fileName.length() - ".yaml".length());
    Path old = file.resolveSibling(id + ".old.yaml");
    try {
      List<String> lines = Files.readAllLines(file);
      return new Case(
          id,
          file,
          Files.exists(old) ? Optional.of(old) : Optional.empty(),
          header(lines, "field", file),
          header(lines, "message", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(List<String> lines, String name, Path file) {
    String prefix = "# " + name + ":";
    return lines.stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()).strip())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(file + " has no '" + prefix + "' header"));
  }
}
