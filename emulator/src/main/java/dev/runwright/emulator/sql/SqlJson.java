package dev.runwright.emulator.sql;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.gson.GsonFactory;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import java.io.IOException;

/**
 * Cloud SQL Admin JSON through the discovery client's own model classes, so field names and
 * int64-as-string encoding are exactly what the client expects.
 */
final class SqlJson {
  private static final GsonFactory FACTORY = GsonFactory.getDefaultInstance();

  private SqlJson() {}

  static <T extends GenericJson> T parse(ApiRequest request, Class<T> type) {
    try {
      T value = FACTORY.fromString(request.hasBody() ? request.bodyText() : "{}", type);
      value.setFactory(FACTORY);
      return value;
    } catch (IOException | IllegalArgumentException e) {
      throw ApiException.invalidArgument(null, "Invalid JSON payload received. " + e.getMessage());
    }
  }

  static ApiResponse ok(GenericJson body) {
    try {
      return ApiResponse.ok(FACTORY.toPrettyString(body));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot print " + body.getClass().getSimpleName(), e);
    }
  }
}
