package dev.runwright.emulator.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runwright.emulator.run.runtime.ServiceRouter;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP endpoint per service URL and per tag URL ({@code http://127.0.0.1:PORT}) that
 * forwards each request to a revision's process: the service URL picks a revision at random by the
 * traffic percentages, a tag URL always its tag's revision. Every answer carries {@value
 * #REVISION_HEADER}, so a rollout is observable from outside.
 */
final class ServiceProxies implements ServiceRouter, AutoCloseable {
  /** Response header naming the revision that answered. */
  static final String REVISION_HEADER = "X-Runwright-Revision";

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");
  private static final Duration COLD_START = Duration.ofSeconds(60);

  private final LocalRevisionRuntime revisions;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<String, List<Route>> routes = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(executor)
          .build();

  ServiceProxies(LocalRevisionRuntime revisions) {
    this.revisions = revisions;
  }

  @Override
  public String serviceUri(String service, String googleUri) {
    return endpoint(service, "").uri();
  }

  @Override
  public String tagUri(String service, String tag, String googleUri) {
    return endpoint(service, tag).uri();
  }

  @Override
  public void routesChanged(String service, List<Route> serviceRoutes) {
    routes.put(service, serviceRoutes);
    Set<String> routed = new HashSet<>();
    serviceRoutes.forEach(route -> routed.add(route.revision()));
    revisions.scale(service, routed);
  }

  @Override
  public void serviceDeleted(String service) {
    routes.remove(service);
    endpoints
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().service().equals(service)) {
                e.getValue().server().stop(0);
                return true;
              }
              return false;
            });
  }

  private Endpoint endpoint(String service, String tag) {
    return endpoints.computeIfAbsent(service + "#" + tag, key -> open(service, tag));
  }

  private Endpoint open(String service, String tag) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      server.createContext("/", exchange -> forward(exchange, service, tag));
      server.setExecutor(executor);
      server.start();
      return new Endpoint(service, server);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open a local endpoint for " + service, e);
    }
  }

  private Optional<String> pick(String service, String tag) {
    List<Route> current = routes.getOrDefault(service, List.of());
    if (!tag.isEmpty()) {
      return current.stream().filter(r -> r.tag().equals(tag)).map(Route::revision).findFirst();
    }
    int total = current.stream().mapToInt(Route::percent).sum();
    if (total == 0) {
      return Optional.empty();
    }
    int ticket = ThreadLocalRandom.current().nextInt(total);
    for (Route route : current) {
      ticket -= route.percent();
      if (ticket < 0) {
        return Optional.of(route.revision());
      }
    }
    return Optional.empty();
  }

  private void forward(HttpExchange exchange, String service, String tag) throws IOException {
    try (exchange) {
      Optional<LocalRevision> revision = pick(service, tag).flatMap(revisions::revision);
      if (revision.isEmpty()) {
        reply(exchange, 503, "Service Unavailable: no revision serves this URL yet.");
        return;
      }
      int port;
      try {
        port = revision.get().serve().get(COLD_START.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        reply(exchange, 503, "Service Unavailable: the revision's instance did not start.");
        return;
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + exchange.getRequestURI().toString()))
              .timeout(Duration.ofMinutes(5))
              .method(
                  exchange.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
      request.header("X-Forwarded-Proto", "http");
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        reply(exchange, 502, "Bad Gateway: the revision's instance did not answer.");
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      String revisionId = revision.get().name();
      exchange
          .getResponseHeaders()
          .set(REVISION_HEADER, revisionId.substring(revisionId.lastIndexOf('/') + 1));
      try (InputStream body = response.body()) {
        byte[] bytes = body.readAllBytes();
        boolean noBody =
            exchange.getRequestMethod().equals("HEAD")
                || response.statusCode() == 204
                || response.statusCode() == 304;
        exchange.sendResponseHeaders(
            response.statusCode(), noBody ? -1 : (bytes.length == 0 ? -1 : bytes.length));
        if (!noBody && bytes.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    endpoints.values().forEach(e -> e.server().stop(0));
    endpoints.clear();
    client.close();
    executor.shutdownNow();
  }

  private record Endpoint(String service, HttpServer server) {
    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }
}
