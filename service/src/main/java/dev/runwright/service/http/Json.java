package dev.runwright.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON in and out of handlers with Jackson's streaming core only: the bodies are flat objects, and
 * leaving out data binding saves several hundred classes at start-up.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * The request body's top-level string fields; 415 unless it is declared JSON, 400 unless it is a
   * JSON object. Fields of other types are present with a null value (so "required" checks fail).
   */
  public static Map<String, String> readObject(ServerRequest request) {
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
    try (InputStream in = request.content().inputStream();
        JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ApiError(400, "invalid_request", "the body must be a JSON object");
      }
      Map<String, String> fields = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        fields.put(name, value == JsonToken.VALUE_STRING ? parser.getText() : null);
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw new ApiError(400, "invalid_request", "the body must be a single JSON object");
      }
      return fields;
    } catch (IOException e) {
      throw new ApiError(400, "invalid_request", "the body is not valid JSON");
    }
  }

  /** Sends a flat object whose values are strings, numbers, booleans or null. */
  public static void send(ServerResponse response, int status, Map<String, ?> body) {
    response.status(Status.create(status));
    response.header(HeaderValues.CONTENT_TYPE_JSON);
    response.header(HeaderNames.CACHE_CONTROL, "no-store");
    response.send(write(body));
  }

  static byte[] write(Map<String, ?> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, ?> field : body.entrySet()) {
        json.writeFieldName(field.getKey());
        switch (field.getValue()) {
          case null -> json.writeNull();
          case String s -> json.writeString(s);
          case Integer i -> json.writeNumber(i);
          case Long l -> json.writeNumber(l);
          case Boolean b -> json.writeBoolean(b);
          default ->
              throw new IllegalArgumentException(
                  "unsupported JSON value type " + field.getValue().getClass());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
