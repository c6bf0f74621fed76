package dev.runwright.service.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;

/** JSON in and out of handlers, with the error shape for unreadable bodies. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  /** The request body as a JSON object; 415 unless it is declared JSON, 400 unless it parses. */
  public static JsonNode readObject(ServerRequest request) {
    boolean json =
        request
            .headers()
            .contentType()
            .map(
                t ->
                    t.mediaType().subtype().equals("json")
                        || t.mediaType().subtype().endsWith("+json"))
            .orElse(false);
    if (!json) {
      throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
    }
    try {
      JsonNode node = MAPPER.readTree(request.content().inputStream());
      if (node == null || !node.isObject()) {
        throw new ApiError(400, "invalid_request", "the body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ApiError(400, "invalid_request", "the body is not valid JSON");
    }
  }

  /** A string field, or null when absent or not a string. */
  public static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  public static void send(ServerResponse response, int status, Object body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    response.status(Status.create(status));
    response.header(HeaderValues.CONTENT_TYPE_JSON);
    response.header(HeaderNames.CACHE_CONTROL, "no-store");
    response.send(bytes);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
