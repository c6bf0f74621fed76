package dev.runwright.operator.validate;

import java.nio.file.Path;

/**
 * One finding of `validate`, located by file, document, object and field path.
 *
 * @param document 1-based position of the YAML document in its file (0 for the whole file)
 * @param field field path in the apiserver's notation (e.g. spec.env[0].name), "" for the object
 */
public record Problem(
    Severity severity,
    Path file,
    int document,
    String kind,
    String namespace,
    String name,
    String field,
    String message) {

  public static Problem inFile(Path file, int document, String message) {
    return new Problem(Severity.ERROR, file, document, "", "", "", "", message);
  }

  /** The message as the apiserver would word it: "field: detail". */
  public String fieldMessage() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
