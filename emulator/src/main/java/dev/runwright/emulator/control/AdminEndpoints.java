package dev.runwright.emulator.control;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin HTTP API under {@code /emulator/v1}, for processes that cannot use {@link
 * EmulatorControl} directly. Durations are ISO-8601 strings ({@code "PT2S"}), instants RFC 3339
 * ({@code "2026-11-25T22:00:00Z"}).
 */
public final class AdminEndpoints implements Router.Handler {
  private static final String ROOT = "/emulator/v1/";

  private final EmulatorControl control;
  private final Gson gson =
      new GsonBuilder()
          .setPrettyPrinting()
          .registerTypeAdapter(
              Duration.class,
              (JsonSerializer<Duration>) (d, t, c) -> new JsonPrimitive(d.toString()))
          .registerTypeAdapter(
              Duration.class,
              (JsonDeserializer<Duration>) (j, t, c) -> Duration.parse(j.getAsString()))
          .registerTypeAdapter(
              Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
          .create();

  public AdminEndpoints(EmulatorControl control) {
    this.control = control;
  }

  @Override
  public ApiResponse handle(ApiRequest request, PathParams ignored) {
    if (!request.path().startsWith(ROOT)) {
      throw ApiException.notFound("Unknown admin path " + request.path());
    }
    String resource = request.path().substring(ROOT.length());
    try {
      return switch (request.verb() + " " + resource) {
        case "GET health" -> ok(Map.of("status", "SERVING"));
        case "GET counters" -> ok(counters());
        case "POST counters:reset" -> {
          control.counters().reset();
          yield ok(counters());
        }
        case "GET faults" -> ok(control.faults().active());
        case "POST faults" -> {
          control.faults().add(parse(request, Fault.class));
          yield ok(control.faults().active());
        }
        case "DELETE faults" -> {
          control.faults().clear();
          yield ok(control.faults().active());
        }
        case "GET latencies" -> ok(control.latencies());
        case "PUT latencies", "POST latencies" -> {
          control.setLatencies(parse(request, Latencies.class));
          yield ok(control.latencies());
        }
        case "GET traffic-history" -> ok(Map.of("changes", control.trafficHistory()));
        case "GET outcomes" -> ok(control.outcomes().snapshot());
        case "POST outcomes" -> {
          control.outcomes().add(parse(request, OutcomeRules.Snapshot.class));
          yield ok(control.outcomes().snapshot());
        }
        case "DELETE outcomes" -> {
          control.outcomes().clear();
          yield ok(control.outcomes().snapshot());
        }
        case "POST reset" -> {
          control.reset();
          yield ok(Map.of("reset", true));
        }
        default ->
            throw ApiException.notFound(
                "Unknown admin call " + request.verb() + " " + request.path());
      };
    } catch (JsonParseException
        | IllegalArgumentException
        | java.time.format.DateTimeParseException e) {
      throw ApiException.invalidArgument(null, "Invalid admin request body: " + e.getMessage());
    }
  }

  private JsonObject counters() {
    JsonObject body = new JsonObject();
    JsonObject methods = new JsonObject();
    control
        .counters()
        .snapshot()
        .forEach(
            (method, count) -> {
              JsonObject entry = new JsonObject();
              entry.addProperty("count", count);
              entry.addProperty("kind", control.counters().kindOf(method).name());
              methods.add(method, entry);
            });
    body.add("methods", methods);
    Map<String, Map<String, Long>> totals = new TreeMap<>();
    for (Api api : Api.values()) {
      totals.put(
          api.prefix(),
          Map.of("read", control.counters().reads(api), "write", control.counters().writes(api)));
    }
    body.add("totals", gson.toJsonTree(totals));
    return body;
  }

  private <T> T parse(ApiRequest request, Class<T> type) {
    T value = gson.fromJson(request.bodyText(), type);
    if (value == null) {
      throw ApiException.invalidArgument(null, "A JSON body is required.");
    }
    return value;
  }

  private ApiResponse ok(Object body) {
    return ApiResponse.ok(gson.toJson(body));
  }
}
