package dev.runwright.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallCounters;
import dev.runwright.emulator.control.CallKind;
import dev.runwright.emulator.control.Fault;
import dev.runwright.emulator.control.FaultInjector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Every HTTP call enters here: decode it as Google's front end does (method override, gzip bodies,
 * empty query parameters dropped), count it, apply injected faults, dispatch it, and render errors
 * as Google's JSON body.
 */
public final class FrontDoor implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(FrontDoor.class.getName());
  private static final String ADMIN_PREFIX = "/emulator/";

  private final Router router;
  private final Router.Handler admin;
  private final CallCounters counters;
  private final FaultInjector faults;
  private final Runnable afterWrite;
  private final CountDownLatch closing = new CountDownLatch(1);

  /** {@code afterWrite} runs after each successful write call (e.g. to persist the state). */
  public FrontDoor(
      Router router,
      Router.Handler admin,
      CallCounters counters,
      FaultInjector faults,
      Runnable afterWrite) {
    this.router = router;
    this.admin = admin;
    this.counters = counters;
    this.faults = faults;
    this.afterWrite = afterWrite;
  }

  /** Releases calls held by a hang or delay fault, so the server can stop promptly. */
  public void close() {
    closing.countDown();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      boolean legacyErrors = false;
      try {
        ApiRequest request = decode(exchange);
        if (request.path().startsWith(ADMIN_PREFIX)) {
          send(exchange, admin.handle(request, null), null);
          return;
        }
        Optional<Router.Match> match = router.match(request.verb(), request.path());
        if (match.isEmpty()) {
          throw ApiException.notFound(
              "The requested URL " + request.path() + " was not found on this server.");
        }
        Router.Route route = match.get().route();
        legacyErrors = route.api() == Api.SQL;
        counters.record(route.method(), route.kind());
        Optional<Fault> fault = faults.take(route.method(), request.path());
        if (fault.isPresent() && !applyFault(exchange, fault.get(), legacyErrors)) {
          return;
        }
        ApiResponse response = route.handler().handle(request, match.get().params());
        if (route.kind() == CallKind.WRITE) {
          afterWrite.run();
        }
        send(exchange, response, null);
      } catch (ApiException e) {
        send(exchange, errorResponse(e, legacyErrors), null);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Emulator failed on " + exchange.getRequestURI(), e);
        ApiException internal =
            ApiException.of(500, "INTERNAL", "Internal error: " + e, "internalError");
        send(exchange, errorResponse(internal, legacyErrors), null);
      }
    }
  }

  /** Applies a fault; false when it already answered (or dropped) the call. */
  private boolean applyFault(HttpExchange exchange, Fault fault, boolean legacyErrors)
      throws IOException {
    pause(fault.delay().toMillis());
    if (fault.hang()) {
      // Closing the exchange before any header was sent drops the connection: what a hung backend
      // looks like.
      return false;
    }
    if (fault.httpStatus() == 0) {
      return true;
    }
    ApiException e =
        ApiException.of(
            fault.httpStatus(),
            RpcCodes.statusForHttp(fault.httpStatus()),
            fault.httpStatus() == 429
                ? "Quota exceeded (injected by the emulator)."
                : "The service is currently unavailable (injected by the emulator).",
            RpcCodes.legacyReasonForHttp(fault.httpStatus()));
    String retryAfter =
        fault.retryAfterSeconds() > 0 ? Long.toString(fault.retryAfterSeconds()) : null;
    send(exchange, errorResponse(e, legacyErrors), retryAfter);
    return false;
  }

  private void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      closing.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ApiResponse errorResponse(ApiException e, boolean legacyErrors) {
    return new ApiResponse(e.httpStatus(), GoogleErrorBody.render(e, legacyErrors));
  }

  private static void send(HttpExchange exchange, ApiResponse response, String retryAfter)
      throws IOException {
    byte[] bytes = response.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
    }
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static ApiRequest decode(HttpExchange exchange) throws IOException {
    String verb = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    if (override != null && verb.equals("POST")) {
      verb = override.toUpperCase(Locale.ROOT);
    }
    Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
    String alt = query.getOrDefault("$alt", "");
    return new ApiRequest(
        verb,
        exchange.getRequestURI().getPath(),
        Map.copyOf(query),
        readBody(exchange),
        alt.contains("enum-encoding=int"));
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip") && raw.length > 0) {
      try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return gunzip.readAllBytes();
      }
    }
    return raw;
  }

  /**
   * Query parameters; empty values are dropped because the clients send every unset parameter
   * empty.
   */
  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!value.isEmpty()) {
        query.putIfAbsent(key, value);
      }
    }
    return query;
  }
}
