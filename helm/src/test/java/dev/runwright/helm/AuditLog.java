package dev.runwright.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The requests one user made, read from the apiserver's JSON audit log. */
final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditLog() {}

  /**
   * Every request {@code username} made, once each (a watch is logged when its response starts and
   * again when it ends).
   */
  static List<ApiCall> callsBy(Path auditLog, String username) {
    if (!Files.exists(auditLog)) {
      return List.of();
    }
    List<ApiCall> calls = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      for (String line : Files.readAllLines(auditLog)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = JSON.readTree(line);
        if (!username.equals(event.path("user").path("username").asText())
            || !seen.add(event.path("auditID").asText())) {
          continue;
        }
        JsonNode object = event.path("objectRef");
        String resource = object.path("resource").asText("");
        String subresource = object.path("subresource").asText("");
        calls.add(
            new ApiCall(
                event.path("verb").asText(),
                object.path("apiGroup").asText(""),
                subresource.isEmpty() ? resource : resource + "/" + subresource,
                object.path("namespace").asText(""),
                object.path("name").asText(""),
                event.path("responseStatus").path("code").asInt()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit log " + auditLog, e);
    }
    return calls;
  }
}
