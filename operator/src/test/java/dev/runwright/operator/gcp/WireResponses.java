package dev.runwright.operator.gcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** Exact HTTP responses, as Google sends them, for adapter tests on MockWebServer. */
public final class WireResponses {

  private WireResponses() {}

  /** A server on the loopback address and a free port. */
  public static MockWebServer startLoopback() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  public static String baseUrl(MockWebServer server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=UTF-8")
        .body(body)
        .build();
  }

  public static MockResponse ok(String body) {
    return json(200, body);
  }

  /** Google's error body: {@code {"error":{"code":..,"message":..,"status":..}}}. */
  public static MockResponse error(int code, String status, String message) {
    return json(
        code,
        """
        {"error":{"code":%d,"message":"%s","status":"%s"}}"""
            .formatted(code, message, status));
  }

  public static MockResponse rateLimited(String retryAfter) {
    return new MockResponse.Builder(
            error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Write requests'"))
        .addHeader("Retry-After", retryAfter)
        .build();
  }

  /** A response that starts only after {@code millis}. */
  public static MockResponse slow(long millis, String body) {
    return new MockResponse.Builder(ok(body)).headersDelay(millis, TimeUnit.MILLISECONDS).build();
  }

  /** The server closes the connection as soon as the request starts. */
  public static MockResponse dropConnection() {
    return new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
  }

  public static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the client sent no request within 5 s");
    }
    return request;
  }

  /**
   * The request body as text, gunzipped when the client compressed it (the SQL Admin client does).
   */
  public static String bodyOf(RecordedRequest request) {
    if (request.getBody() == null) {
      return "";
    }
    if (!"gzip".equals(request.getHeaders().get("Content-Encoding"))) {
      return request.getBody().utf8();
    }
    try (var in = new GZIPInputStream(new ByteArrayInputStream(request.getBody().toByteArray()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
