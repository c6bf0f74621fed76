package dev.runwright.operator.cloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A recording pass-through in front of the emulator's Cloud Run API: every service write (the
 * traffic the operator asked for) and every service read (the traffic Cloud Run reported) is kept
 * in order, so a test can assert on every traffic state, not only the last one.
 */
final class TrafficLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One split as written or reported: entries like {@code jwt-abc=90}, {@code jwt-def=10#tag}. */
  record Observation(boolean written, List<String> entries) {
    int percentOf(String revision) {
      return entries.stream()
          .filter(e -> e.startsWith(revision + "="))
          .mapToInt(e -> Integer.parseInt(e.substring(e.indexOf('=') + 1).split("#")[0]))
          .sum();
    }
  }

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI target;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  private TrafficLog(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::forward);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  static TrafficLog inFrontOf(String endpoint) {
    return new TrafficLog(URI.create(endpoint));
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Observation> observations() {
    return List.copyOf(observations);
  }

  List<Observation> writes() {
    return observations.stream().filter(Observation::written).toList();
  }

  void clear() {
    observations.clear();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String verb = exchange.getRequestMethod();
      String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(30))
              .method(verb, HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : List.of("Content-Type", "X-HTTP-Method-Override", "Content-Encoding")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      String path = exchange.getRequestURI().getPath();
      String method = override != null ? override : verb;
      boolean service = path.matches(".*/services(/[^/:]+)?$");
      if (service && response.statusCode() == 200) {
        if (method.equals("PATCH") || method.equals("POST")) {
          record(
              true,
              decode(body, exchange.getRequestHeaders().getFirst("Content-Encoding")),
              "traffic");
        } else if (method.equals("GET") && path.matches(".*/services/[^/:]+$")) {
          record(false, response.body(), "trafficStatuses");
        }
      }
      exchange
          .getResponseHeaders()
          .set(
              "Content-Type",
              response.headers().firstValue("Content-Type").orElse("application/json"));
      byte[] out = response.body();
      exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(out);
        }
      }
    }
  }

  private void record(boolean written, byte[] json, String field) throws IOException {
    if (json.length == 0) {
      return;
    }
    JsonNode root = JSON.readTree(json);
    JsonNode traffic = root.path(field);
    if (!traffic.isArray()) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (JsonNode t : traffic) {
      String revision = t.path("revision").asText("");
      String who = revision.isEmpty() ? "LATEST" : revision;
      String tag = t.path("tag").asText("");
      entries.add(who + "=" + t.path("percent").asInt(0) + (tag.isEmpty() ? "" : "#" + tag));
    }
    observations.add(new Observation(written, List.copyOf(entries)));
  }

  private static byte[] decode(byte[] body, String encoding) throws IOException {
    if (encoding != null && encoding.contains("gzip") && body.length > 0) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        return in.readAllBytes();
      }
    }
    return body;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
