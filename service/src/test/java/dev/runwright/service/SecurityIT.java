package dev.runwright.service;

import static dev.runwright.service.testing.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.service.testing.MutableClock;
import dev.runwright.service.testing.RunningService;
import dev.runwright.service.testing.TestDatabase;
import dev.runwright.service.testing.TestDatabase.Transport;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Security behaviour seen from outside, against the real service and database. */
class SecurityIT {
  private static final Map<String, String> ALICE =
      Map.of("username", "alice", "password", "correct horse battery");

  private final MutableClock clock = MutableClock.startingNow();
  private TestDatabase db;
  private RunningService service;

  private RunningService start(Map<String, String> extraEnv) {
    db = TestDatabase.create();
    Map<String, String> env = RunningService.baseEnv();
    env.putAll(db.databaseUrlEnv(Transport.TCP));
    env.putAll(extraEnv);
    assertThat(MigrateCommand.run(env)).isZero();
    service = RunningService.start(env, clock);
    assertThat(service.postJson("/api/v1/auth/register", ALICE).statusCode()).isEqualTo(201);
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

  @Test
  void unknownUserAndWrongPasswordLookTheSame() {
    RunningService s = start(Map.of());
    HttpResponse<String> wrongPassword =
        s.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wrong password"));
    HttpResponse<String> unknownUser =
        s.postJson(
            "/api/v1/auth/login", Map.of("username", "mallory", "password", "wrong password"));
    assertThat(unknownUser.statusCode()).isEqualTo(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    assertThat(unknownUser.headers().map().keySet())
        .isEqualTo(wrongPassword.headers().map().keySet());
  }

  @Test
  void unknownUserCostsAHashLikeAKnownOne() {
    RunningService s =
        start(Map.of("LOGIN_ACCOUNT_LIMIT", "1000/1m", "LOGIN_CLIENT_LIMIT", "1000/1m"));
    Map<String, String> known = Map.of("username", "alice", "password", "wrong password");
    Map<String, String> unknown = Map.of("username", "nobody", "password", "wrong password");
    for (int i = 0; i < 3; i++) { // warm-up: the first hashes run before the JIT compiled Argon2
      s.postJson("/api/v1/auth/login", known);
      s.postJson("/api/v1/auth/login", unknown);
    }
    // Interleaved, so load from elsewhere hits both alike. Without the dummy hash an unknown user
    // would answer in about 2% of the time (one indexed read instead of 19 MiB of Argon2id).
    List<Long> knownMillis = new ArrayList<>();
    List<Long> unknownMillis = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      knownMillis.add(millis(() -> s.postJson("/api/v1/auth/login", known)));
      unknownMillis.add(millis(() -> s.postJson("/api/v1/auth/login", unknown)));
    }
    assertThat((double) median(unknownMillis)).isGreaterThan(median(knownMillis) * 0.3);
  }

  @Test
  void perAccountLimitAnswers429WithRetryAfterForKnownAndUnknownAccounts() {
    RunningService s = start(Map.of("LOGIN_ACCOUNT_LIMIT", "3/15m"));
    for (String user : List.of("alice", "nobody")) {
      for (int i = 0; i < 3; i++) {
        assertThat(
                s.postJson(
                        "/api/v1/auth/login",
                        Map.of("username", user, "password", "wrong password"))
                    .statusCode())
            .isEqualTo(401);
      }
      HttpResponse<String> limited =
          s.postJson("/api/v1/auth/login", Map.of("username", user, "password", "wrong password"));
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(json(limited).get("error").asText()).isEqualTo("rate_limited");
      assertThat(limited.headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 300));
    }
    // Even the right password waits until the window has passed.
    assertThat(s.postJson("/api/v1/auth/login", ALICE).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofMinutes(6));
    assertThat(s.postJson("/api/v1/auth/login", ALICE).statusCode()).isEqualTo(200);
  }

  @Test
  void perClientLimitUsesTheTrustedForwardedAddress() {
    RunningService s = start(Map.of("LOGIN_CLIENT_LIMIT", "4/1m", "TRUSTED_PROXY_HOPS", "1"));
    // Registration above used 1 token of the 127.0.0.1 bucket; this client is someone else.
    Map<String, String> clientA = Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.7");
    for (int i = 0; i < 4; i++) {
      assertThat(s.postJson("/api/v1/auth/login", ALICE, clientA).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = s.postJson("/api/v1/auth/login", ALICE, clientA);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("15");
    // A spoofed left-most entry does not escape the limit; a different real client is not affected.
    assertThat(
            s.postJson(
                    "/api/v1/auth/login", ALICE, Map.of("X-Forwarded-For", "1.2.3.4, 203.0.113.7"))
                .statusCode())
        .isEqualTo(429);
    assertThat(
            s.postJson("/api/v1/auth/login", ALICE, Map.of("X-Forwarded-For", "198.51.100.9"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void refreshTokenIsRefusedAsAccessTokenAndExpiredAccessTokenIsRefused() {
    RunningService s = start(Map.of());
    var tokens = json(s.postJson("/api/v1/auth/login", ALICE));
    HttpResponse<String> refreshAsAccess = s.me(tokens.get("refresh_token").asText());
    assertThat(refreshAsAccess.statusCode()).isEqualTo(401);
    assertThat(refreshAsAccess.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    String access = tokens.get("access_token").asText();
    assertThat(s.me(access).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(16));
    assertThat(s.me(access).statusCode()).isEqualTo(401);
  }

  @Test
  void tamperedAccessTokenIsRefused() {
    RunningService s = start(Map.of());
    String access = json(s.postJson("/api/v1/auth/login", ALICE)).get("access_token").asText();
    String[] parts = access.split("\\.");
    String otherPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"sub\":\"1\"", "\"sub\":\"2\"")
                    .getBytes());
    assertThat(s.me(parts[0] + "." + otherPayload + "." + parts[2]).statusCode()).isEqualTo(401);
  }

  @Test
  void aFullPoolAnswers503QuicklyInsteadOfHanging() throws Exception {
    RunningService s = start(Map.of("DB_POOL_SIZE", "1", "DB_CONNECTION_TIMEOUT", "300ms"));
    String access = json(s.postJson("/api/v1/auth/login", ALICE)).get("access_token").asText();
    try (Connection admin = db.connect();
        Statement lock = admin.createStatement()) {
      lock.execute("LOCK TABLES users WRITE");
      // This request takes the only connection and blocks on the lock...
      CompletableFuture<HttpResponse<String>> blocked =
          CompletableFuture.supplyAsync(() -> s.me(access));
      awaitQueryWaitingForLock(admin);
      // ...so this one cannot get a connection and is shed.
      long start = System.nanoTime();
      HttpResponse<String> shed = s.me(access);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(shed.statusCode()).isEqualTo(503);
      assertThat(json(shed).get("error").asText()).isEqualTo("database_unavailable");
      assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(millis).isLessThan(2000);
      lock.execute("UNLOCK TABLES");
      assertThat(blocked.get().statusCode()).isEqualTo(200);
    }
  }

  private static void awaitQueryWaitingForLock(Connection admin) throws Exception {
    try (Statement query = admin.createStatement()) {
      for (int i = 0; i < 200; i++) {
        try (var rows =
            query.executeQuery(
                "SELECT COUNT(*) FROM information_schema.processlist"
                    + " WHERE state LIKE 'Waiting for table%'")) {
          rows.next();
          if (rows.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the first request never reached the locked table");
  }

  private static long millis(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
