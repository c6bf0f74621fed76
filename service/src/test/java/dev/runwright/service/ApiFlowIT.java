package dev.runwright.service;

import static dev.runwright.service.testing.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runwright.service.testing.MutableClock;
import dev.runwright.service.testing.RunningService;
import dev.runwright.service.testing.TestDatabase;
import dev.runwright.service.testing.TestDatabase.Transport;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API's flows against a real MariaDB, over TCP and over the unix socket. */
class ApiFlowIT {
  private static final Map<String, String> ALICE =
      Map.of("username", "Alice", "password", "correct horse battery");

  private TestDatabase db;
  private RunningService service;

  private RunningService start(Transport transport, boolean migrated) {
    db = TestDatabase.create();
    Map<String, String> env = RunningService.baseEnv();
    env.putAll(db.databaseUrlEnv(transport));
    if (migrated) {
      assertThat(MigrateCommand.run(env)).isZero();
    }
    service = RunningService.start(env, MutableClock.startingNow());
    return service;
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void registerLoginMeRefreshReuseLogout(Transport transport) {
    RunningService s = start(transport, true);
    assertThat(s.get("/readyz").statusCode()).isEqualTo(200);

    HttpResponse<String> registered = s.postJson("/api/v1/auth/register", ALICE);
    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(json(registered).get("username").asText()).isEqualTo("alice");
    assertThat(registered.body()).doesNotContain("argon2").doesNotContain("password");

    HttpResponse<String> login = s.postJson("/api/v1/auth/login", ALICE);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode tokens = json(login);
    assertThat(tokens.get("token_type").asText()).isEqualTo("bearer");
    assertThat(tokens.get("expires_in").asLong()).isEqualTo(900);

    HttpResponse<String> me = s.me(tokens.get("access_token").asText());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json(me).get("username").asText()).isEqualTo("alice");
    assertThat(json(me).get("id").asLong()).isEqualTo(json(registered).get("id").asLong());

    String firstRefresh = tokens.get("refresh_token").asText();
    HttpResponse<String> rotated =
        s.postJson("/api/v1/auth/refresh", Map.of("refresh_token", firstRefresh));
    assertThat(rotated.statusCode()).isEqualTo(200);
    String secondRefresh = json(rotated).get("refresh_token").asText();
    assertThat(secondRefresh).isNotEqualTo(firstRefresh);
    assertThat(s.me(json(rotated).get("access_token").asText()).statusCode()).isEqualTo(200);

    // Re-using the rotated token revokes the family: the newer token stops working too.
    HttpResponse<String> reuse =
        s.postJson("/api/v1/auth/refresh", Map.of("refresh_token", firstRefresh));
    assertThat(reuse.statusCode()).isEqualTo(401);
    assertThat(json(reuse).get("error").asText()).isEqualTo("invalid_grant");
    assertThat(
            s.postJson("/api/v1/auth/refresh", Map.of("refresh_token", secondRefresh)).statusCode())
        .isEqualTo(401);

    // A new login is a new family; logout revokes it.
    String third = json(s.postJson("/api/v1/auth/login", ALICE)).get("refresh_token").asText();
    assertThat(s.postJson("/api/v1/auth/logout", Map.of("refresh_token", third)).statusCode())
        .isEqualTo(204);
    assertThat(s.postJson("/api/v1/auth/refresh", Map.of("refresh_token", third)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void oauth2PasswordAndRefreshGrantsAtTheTokenEndpoint() {
    RunningService s = start(Transport.TCP, true);
    s.postJson("/api/v1/auth/register", ALICE);
    HttpResponse<String> token =
        s.postForm(
            "/api/v1/auth/token",
            "grant_type=password&username=alice&password=correct+horse+battery");
    assertThat(token.statusCode()).isEqualTo(200);
    String refresh = json(token).get("refresh_token").asText();
    HttpResponse<String> refreshed =
        s.postForm("/api/v1/auth/token", "grant_type=refresh_token&refresh_token=" + refresh);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    HttpResponse<String> unsupported =
        s.postForm("/api/v1/auth/token", "grant_type=client_credentials");
    assertThat(unsupported.statusCode()).isEqualTo(400);
    assertThat(json(unsupported).get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void registrationRules() {
    RunningService s = start(Transport.TCP, true);
    assertThat(s.postJson("/api/v1/auth/register", ALICE).statusCode()).isEqualTo(201);
    HttpResponse<String> again =
        s.postJson(
            "/api/v1/auth/register", Map.of("username", "ALICE", "password", "another good one"));
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<String> common =
        s.postJson("/api/v1/auth/register", Map.of("username", "bob", "password", "password1"));
    assertThat(common.statusCode()).isEqualTo(400);
    assertThat(json(common).get("error_description").asText()).contains("too common");
    assertThat(
            s.postJson(
                    "/api/v1/auth/register", Map.of("username", "x", "password", "long enough pw"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void errorsHaveOneShape() {
    RunningService s = start(Transport.TCP, true);
    for (HttpResponse<String> r :
        java.util.List.of(
            s.get("/nope"),
            s.get("/api/v1/users/me"),
            s.postForm("/api/v1/auth/login", "username=a"),
            s.postJson("/api/v1/auth/login", "not an object"))) {
      JsonNode body = json(r);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(body.get("error").isTextual()).isTrue();
      assertThat(body.get("error_description").isTextual()).isTrue();
      assertThat(body.get("status").asInt()).isEqualTo(r.statusCode());
    }
  }

  @Test
  void readinessFollowsTheSchemaAndHealthDoesNot() throws Exception {
    RunningService s = start(Transport.UNIX_SOCKET, false);
    assertThat(s.get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> notMigrated = s.get("/readyz");
    assertThat(notMigrated.statusCode()).isEqualTo(503);
    assertThat(json(notMigrated).get("error_description").asText()).contains("migrate");
    Map<String, String> env = db.databaseUrlEnv(Transport.TCP);
    assertThat(MigrateCommand.run(env)).isZero();
    assertThat(s.get("/readyz").statusCode()).isEqualTo(200);
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '2'");
    }
    assertThat(json(s.get("/readyz")).get("error_description").asText()).contains("version 1");
  }

  @Test
  void jwksAndOpenApiAndDocs() {
    RunningService s = start(Transport.TCP, true);
    JsonNode jwks = json(s.get("/.well-known/jwks.json"));
    assertThat(jwks.get("keys")).hasSize(1);
    assertThat(jwks.get("keys").get(0).has("d")).isFalse();
    JsonNode openApi = json(s.get("/openapi.json"));
    assertThat(openApi.get("openapi").asText()).startsWith("3.");
    // Every documented path exists (answers something other than 404).
    openApi
        .get("paths")
        .fieldNames()
        .forEachRemaining(
            path -> {
              boolean isGet = openApi.get("paths").get(path).has("get");
              int status =
                  isGet ? s.get(path).statusCode() : s.postJson(path, Map.of()).statusCode();
              assertThat(status).as(path).isNotEqualTo(404);
            });
    assertThat(s.get("/docs").body()).contains("swagger-ui-bundle.js");
    assertThat(s.get("/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    assertThat(s.get("/docs/../pom.xml").statusCode()).isEqualTo(404);
  }
}
