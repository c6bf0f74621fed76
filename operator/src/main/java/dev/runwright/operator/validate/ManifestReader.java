package dev.runwright.operator.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads multi-document YAML from files, directories (recursively, *.yaml and *.yml) or standard
 * input ("-"), keeping each document's file and position.
 */
public final class ManifestReader {
  public static final Path STDIN = Path.of("-");

  // A key written twice silently loses one value; kubectl's strict field validation refuses it.
  private final ObjectMapper yaml =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private final InputStream stdin;

  public ManifestReader(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Documents read, and the files that could not be parsed. */
  public record Result(List<Manifest> manifests, List<Problem> problems) {}

  /** Expands directories into their YAML files, sorted, so output order is stable. */
  public static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  public Result read(List<Path> paths) {
    List<Manifest> manifests = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : expand(paths)) {
      int document = 0;
      try (InputStream in = file.equals(STDIN) ? stdin : Files.newInputStream(file);
          JsonParser parser = yaml.getFactory().createParser(in);
          MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(parser)) {
        while (documents.hasNextValue()) {
          document++;
          JsonNode object = documents.nextValue();
          if (object != null && !object.isNull() && !object.isMissingNode()) {
            manifests.add(new Manifest(file, document, object));
          }
        }
      } catch (IOException | RuntimeException e) {
        problems.add(
            Problem.inFile(file, Math.max(document, 1), "cannot read YAML: " + firstLine(e)));
      }
    }
    return new Result(manifests, problems);
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
