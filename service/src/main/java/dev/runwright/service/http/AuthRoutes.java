package dev.runwright.service.http;

import dev.runwright.service.auth.AuthException;
import dev.runwright.service.auth.AuthenticationService;
import dev.runwright.service.auth.TokenPair;
import dev.runwright.service.users.User;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1}: register, login (JSON and OAuth2 form), refresh, logout, current user. */
public final class AuthRoutes implements HttpService {
  private final AuthenticationService auth;
  private final ClientAddress clients;
  private final Clock clock;

  public AuthRoutes(AuthenticationService auth, ClientAddress clients, Clock clock) {
    this.auth = auth;
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/auth/register", this::register)
        .post("/auth/login", this::login)
        .post("/auth/token", this::token)
        .post("/auth/refresh", this::refresh)
        .post("/auth/logout", this::logout)
        .get("/users/me", this::me);
  }

  private void register(ServerRequest req, ServerResponse res) throws SQLException {
    Map<String, String> body = Json.readObject(req);
    User user =
        call(() -> auth.register(body.get("username"), body.get("password"), clients.of(req)));
    res.header(HeaderNames.LOCATION, "/api/v1/users/me");
    Json.send(res, 201, userBody(user));
  }

  private void login(ServerRequest req, ServerResponse res) throws SQLException {
    Map<String, String> body = Json.readObject(req);
    TokenPair pair =
        call(() -> auth.login(body.get("username"), body.get("password"), clients.of(req)));
    Json.send(res, 200, tokenBody(pair));
  }

  /** OAuth 2.0 token endpoint (RFC 6749): password and refresh_token grants, form encoded. */
  private void token(ServerRequest req, ServerResponse res) throws SQLException {
    boolean form =
        req.headers()
            .contentType()
            .map(t -> t.mediaType().text().equalsIgnoreCase("application/x-www-form-urlencoded"))
            .orElse(false);
    if (!form) {
      throw new ApiError(
          415, "unsupported_media_type", "send the body as application/x-www-form-urlencoded");
    }
    Map<String, String> params = parseForm(req.content().as(String.class));
    String grant = params.getOrDefault("grant_type", "");
    TokenPair pair =
        switch (grant) {
          case "password" ->
              call(
                  () ->
                      auth.login(params.get("username"), params.get("password"), clients.of(req)));
          case "refresh_token" -> call(() -> auth.refresh(params.get("refresh_token")));
          default ->
              throw new ApiError(
                  400, "unsupported_grant_type", "grant_type must be password or refresh_token");
        };
    Json.send(res, 200, tokenBody(pair));
  }

  private void refresh(ServerRequest req, ServerResponse res) throws SQLException {
    Map<String, String> body = Json.readObject(req);
    TokenPair pair = call(() -> auth.refresh(body.get("refresh_token")));
    Json.send(res, 200, tokenBody(pair));
  }

  private void logout(ServerRequest req, ServerResponse res) throws SQLException {
    Map<String, String> body = Json.readObject(req);
    call(
        () -> {
          auth.logout(body.get("refresh_token"));
          return null;
        });
    res.status(204).send();
  }

  private void me(ServerRequest req, ServerResponse res) throws SQLException {
    String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
    String token =
        header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    if (token == null || token.isEmpty()) {
      res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
      throw new ApiError(401, "invalid_token", "send an access token: Authorization: Bearer TOKEN");
    }
    User user;
    try {
      user = call(() -> auth.currentUser(token));
    } catch (ApiError e) {
      res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      throw e;
    }
    Json.send(res, 200, userBody(user));
  }

  private Map<String, Object> tokenBody(TokenPair pair) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", pair.access().value());
    body.put("token_type", "bearer");
    body.put("expires_in", secondsUntil(pair.access().expiresAt()));
    body.put("refresh_token", pair.refresh().value());
    body.put("refresh_expires_in", secondsUntil(pair.refresh().expiresAt()));
    return body;
  }

  private long secondsUntil(java.time.Instant instant) {
    return Math.max(0, Duration.between(clock.instant(), instant).toSeconds());
  }

  private static Map<String, Object> userBody(User user) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", user.id());
    body.put("username", user.username());
    body.put("created_at", user.createdAt().toString());
    return body;
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> params = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      try {
        params.putIfAbsent(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      } catch (IllegalArgumentException e) {
        throw new ApiError(400, "invalid_request", "the form body is not valid");
      }
    }
    return params;
  }

  /** An auth call whose refusals become API errors. */
  private interface AuthCall<T> {
    T run() throws AuthException, SQLException;
  }

  private static <T> T call(AuthCall<T> action) throws SQLException {
    try {
      return action.run();
    } catch (AuthException e) {
      throw switch (e.reason()) {
        case INVALID_INPUT -> new ApiError(400, "invalid_request", e.getMessage());
        case INVALID_CREDENTIALS, TOKEN_REUSED ->
            new ApiError(401, "invalid_grant", e.getMessage());
        case INVALID_TOKEN -> new ApiError(401, "invalid_token", e.getMessage());
        case USERNAME_TAKEN -> new ApiError(409, "username_taken", e.getMessage());
        case RATE_LIMITED -> new ApiError(429, "rate_limited", e.getMessage(), e.retryAfter());
      };
    }
  }
}
