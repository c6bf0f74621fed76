package dev.runwright.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One decoded API call: the effective verb (after {@code X-HTTP-Method-Override}), the path, the
 * query with empty values dropped (the Google clients send unset parameters as empty strings) and
 * the body, already gunzipped.
 */
public record ApiRequest(
    String verb, String path, Map<String, String> query, byte[] body, boolean enumsAsInts) {

  public Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  public int intParam(String name) {
    String value = query.get(name);
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalidArgument(name, "Invalid value for " + name + ": " + value);
    }
  }

  public boolean boolParam(String name) {
    return Boolean.parseBoolean(query.get(name));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean hasBody() {
    return !bodyText().isBlank();
  }
}
