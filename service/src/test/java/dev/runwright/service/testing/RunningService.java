package dev.runwright.service.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.service.ServiceApplication;
import dev.runwright.service.config.ServeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real service on a free loopback port, configured through its environment parsing. */
public final class RunningService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServiceApplication app;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningService(ServiceApplication app) {
    this.app = app;
  }

  /** The environment a test service gets on top of its database settings. */
  public static Map<String, String> baseEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("JWT_ISSUER", "https://auth.test.example");
    env.put("JWT_AUDIENCE", "runwright-tests");
    env.put("JWT_SIGNING_KEY", TestKeys.CURRENT.toJSONString());
    return env;
  }

  public static RunningService start(Map<String, String> env, Clock clock) {
    return new RunningService(ServiceApplication.start(ServeConfig.fromEnvironment(env), clock));
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  public int port() {
    return app.port();
  }

  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  public HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  public HttpResponse<String> me(String accessToken) {
    return get("/api/v1/users/me", Map.of("Authorization", "Bearer " + accessToken));
  }

  public HttpResponse<String> postJson(String path, Object body) {
    return postJson(path, body, Map.of());
  }

  public HttpResponse<String> postJson(String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(path))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      headers.forEach(request::header);
      return send(request.build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    http.close();
  }
}
