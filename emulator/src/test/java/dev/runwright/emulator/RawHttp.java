package dev.runwright.emulator;

import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP calls to the emulator, to look at raw payloads: responses are parsed with a strict
 * protobuf JSON parser (unknown fields and bad enum values fail), which the lenient Google clients
 * would not notice.
 */
final class RawHttp {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String endpoint;

  RawHttp(String endpoint) {
    this.endpoint = endpoint;
  }

  HttpResponse<String> send(String verb, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    request.method(
        verb,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("HTTP call failed: " + verb + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  /** GETs {@code path} and parses the body strictly into {@code builder}'s type. */
  <B extends Message.Builder> B getStrict(String path, B builder, TypeRegistry registry) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return parseStrict(response.body(), builder, registry);
  }

  static <B extends Message.Builder> B parseStrict(String json, B builder, TypeRegistry registry) {
    try {
      JsonFormat.parser().usingTypeRegistry(registry).merge(json, builder);
      return builder;
    } catch (IOException e) {
      throw new AssertionError(
          "Not a strict " + builder.getDescriptorForType().getFullName() + ": " + json, e);
    }
  }
}
