package dev.runwright.emulator.http;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Google's JSON error body: {@code {"error":{"code","message","status","details"}}}; Cloud SQL also
 * carries the older {@code errors[{domain, reason, message}]} list.
 */
public final class GoogleErrorBody {
  private GoogleErrorBody() {}

  public static String render(ApiException e, boolean legacyErrors) {
    JsonObject error = new JsonObject();
    error.addProperty("code", e.httpStatus());
    error.addProperty("message", e.getMessage());
    if (legacyErrors) {
      JsonObject legacy = new JsonObject();
      legacy.addProperty("message", e.getMessage());
      legacy.addProperty("domain", "global");
      legacy.addProperty("reason", e.reason());
      JsonArray errors = new JsonArray();
      errors.add(legacy);
      error.add("errors", errors);
    }
    error.addProperty("status", e.status());
    if (!e.violations().isEmpty()) {
      JsonObject badRequest = new JsonObject();
      badRequest.addProperty("@type", "type.googleapis.com/google.rpc.BadRequest");
      JsonArray violations = new JsonArray();
      for (ApiException.FieldViolation v : e.violations()) {
        JsonObject violation = new JsonObject();
        violation.addProperty("field", v.field());
        violation.addProperty("description", v.description());
        violations.add(violation);
      }
      badRequest.add("fieldViolations", violations);
      JsonArray details = new JsonArray();
      details.add(badRequest);
      error.add("details", details);
    }
    JsonObject body = new JsonObject();
    body.add("error", error);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(body);
  }
}
