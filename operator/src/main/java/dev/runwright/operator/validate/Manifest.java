package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One YAML document read from a file.
 *
 * @param document 1-based position of the document in its file
 */
public record Manifest(Path file, int document, JsonNode object) {

  public String apiVersion() {
    return object.path("apiVersion").asText("");
  }

  public String kind() {
    return object.path("kind").asText("");
  }

  public String name() {
    return object.path("metadata").path("name").asText("");
  }

  /** The namespace written in the file, or "" when the file leaves it to kubectl/kustomize. */
  public String namespace() {
    return object.path("metadata").path("namespace").asText("");
  }

  /** Identity used to pair objects across files: kind, namespace and name. */
  public String identity() {
    return kind() + "/" + (namespace().isEmpty() ? "" : namespace() + "/") + name();
  }

  public Problem problem(Severity severity, String field, String message) {
    return new Problem(severity, file, document, kind(), namespace(), name(), field, message);
  }
}
