package dev.runwright.emulator.http;

import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps verb and path to a handler. Paths are written as Google's URL templates with named segments,
 * e.g. {@code /v2/projects/{project}/locations/{location}/services/{service}:getIamPolicy}; a
 * segment never spans a slash or a colon, so custom verbs such as {@code :run} stay out of resource
 * ids.
 */
public final class Router {

  /** Handles one matched call. */
  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiRequest request, PathParams params);
  }

  /** A registered route: the method name it is counted under and whether it reads or writes. */
  public record Route(
      String verb, Pattern pattern, Api api, String method, CallKind kind, Handler handler) {}

  /** A route with the path segments it captured. */
  public record Match(Route route, PathParams params) {}

  private static final Pattern SEGMENT = Pattern.compile("\\{([a-zA-Z]+)}");
  private final List<Route> routes = new ArrayList<>();

  public Router add(
      String verb, String template, Api api, String method, CallKind kind, Handler handler) {
    Matcher m = SEGMENT.matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append("(?<").append(m.group(1)).append(">[^/:]+)");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(new Route(verb, Pattern.compile(regex.toString()), api, method, kind, handler));
    return this;
  }

  public Router get(String template, Api api, String method, Handler handler) {
    return add("GET", template, api, method, CallKind.READ, handler);
  }

  public Router post(String template, Api api, String method, Handler handler) {
    return add("POST", template, api, method, CallKind.WRITE, handler);
  }

  public Router patch(String template, Api api, String method, Handler handler) {
    return add("PATCH", template, api, method, CallKind.WRITE, handler);
  }

  public Router put(String template, Api api, String method, Handler handler) {
    return add("PUT", template, api, method, CallKind.WRITE, handler);
  }

  public Router delete(String template, Api api, String method, Handler handler) {
    return add("DELETE", template, api, method, CallKind.WRITE, handler);
  }

  public Optional<Match> match(String verb, String path) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(path);
      if (m.matches()) {
        pathKnown = true;
        if (route.verb().equals(verb)) {
          return Optional.of(new Match(route, new PathParams(m)));
        }
      }
    }
    if (pathKnown) {
      throw ApiException.of(
          405, "UNIMPLEMENTED", "Method " + verb + " not allowed on " + path, "badRequest");
    }
    return Optional.empty();
  }
}
