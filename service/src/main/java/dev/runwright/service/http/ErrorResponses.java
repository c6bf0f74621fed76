package dev.runwright.service.http;

import dev.runwright.service.passwords.HashingOverloadedException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

/** Turns every failure into the one JSON error shape; unexpected ones are logged, not shown. */
public final class ErrorResponses {
  private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  public static void register(HttpRouting.Builder routing) {
    routing.error(ApiError.class, ErrorResponses::send);
    routing.error(
        HashingOverloadedException.class,
        (req, res, e) ->
            send(
                req,
                res,
                new ApiError(
                    503,
                    "overloaded",
                    "the service is busy; retry shortly",
                    Optional.of(Duration.ofSeconds(1)))));
    routing.error(
        SQLTransientConnectionException.class,
        (req, res, e) ->
            send(
                req,
                res,
                new ApiError(
                    503,
                    "database_unavailable",
                    "the database is busy or unreachable; retry shortly",
                    Optional.of(Duration.ofSeconds(1)))));
    routing.error(
        Exception.class,
        (req, res, e) -> {
          LOG.log(
              System.Logger.Level.ERROR,
              "request failed: " + req.prologue().method().text() + " " + req.path().path(),
              e);
          send(req, res, new ApiError(500, "internal_error", "internal error"));
        });
  }

  /** The catch-all route: unknown paths answer JSON too. */
  public static void notFound(ServerRequest req, ServerResponse res) {
    send(req, res, new ApiError(404, "not_found", "no such resource: " + req.path().path()));
  }

  static void send(ServerRequest req, ServerResponse res, ApiError error) {
    if (res.isSent()) {
      return;
    }
    error
        .retryAfter()
        .ifPresent(
            d ->
                res.header(
                    HeaderNames.RETRY_AFTER,
                    Long.toString(Math.max(1, (d.toMillis() + 999) / 1000))));
    Json.send(res, error.status(), error.body());
  }
}
