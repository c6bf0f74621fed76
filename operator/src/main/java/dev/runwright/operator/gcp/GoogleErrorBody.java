package dev.runwright.operator.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Google's JSON error body, {@code
 * {"error":{"code":404,"message":"...","status":"NOT_FOUND","errors":[{"reason": "..."}]}}}; Cloud
 * SQL still fills the older {@code errors[].reason}.
 *
 * @param status the canonical status name, e.g. {@code ALREADY_EXISTS}, when the body has one
 * @param message Google's human message, when the body has one
 * @param reasons the legacy reasons, e.g. {@code operationInProgress}
 */
public record GoogleErrorBody(
    Optional<String> status, Optional<String> message, List<String> reasons) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public GoogleErrorBody {
    reasons = List.copyOf(reasons);
  }

  public static GoogleErrorBody empty() {
    return new GoogleErrorBody(Optional.empty(), Optional.empty(), List.of());
  }

  /** Parses a body; anything that is not Google's error JSON gives an empty body. */
  public static GoogleErrorBody parse(String body) {
    if (body == null || body.isBlank()) {
      return empty();
    }
    try {
      JsonNode error = JSON.readTree(body).path("error");
      if (!error.isObject()) {
        return empty();
      }
      List<String> reasons = new ArrayList<>();
      error.path("errors").forEach(e -> text(e.path("reason")).ifPresent(reasons::add));
      return new GoogleErrorBody(text(error.path("status")), text(error.path("message")), reasons);
    } catch (Exception e) {
      return empty();
    }
  }

  public boolean hasReason(String reason) {
    return reasons.contains(reason);
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
