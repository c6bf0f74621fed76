package dev.runwright.operator.gcp.sql;

import static dev.runwright.operator.gcp.WireResponses.bodyOf;
import static dev.runwright.operator.gcp.WireResponses.error;
import static dev.runwright.operator.gcp.WireResponses.json;
import static dev.runwright.operator.gcp.WireResponses.ok;
import static dev.runwright.operator.gcp.WireResponses.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.gcp.AlreadyExistsException;
import dev.runwright.operator.gcp.CallOutcome;
import dev.runwright.operator.gcp.ConflictException;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.InvalidRequestException;
import dev.runwright.operator.gcp.RateLimitedException;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.TestCalls;
import dev.runwright.operator.gcp.UnavailableException;
import dev.runwright.operator.gcp.WireResponses;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the SQL Admin adapter sends and how it reads Google's answers, on the wire. */
class SqlAdminAdapterTest {

  private static final SqlInstanceName INSTANCE = new SqlInstanceName("proj-1", "main");
  private static final String PASSWORD = "s3cr3t-Pa55word-that-must-not-leak";
  private static final String OPERATION =
      """
      {"kind":"sql#operation","name":"0a1b2c3d-op","status":"PENDING","operationType":"CREATE",
       "targetId":"main","targetProject":"proj-1"}""";

  private MockWebServer server;
  private TestCalls testCalls;
  private SqlAdminAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    server = WireResponses.startLoopback();
    testCalls = new TestCalls(new SqlAdminErrorTranslator(Clock.systemUTC()));
    adapter =
        SqlAdminAdapter.create(
            Optional.of(URI.create(WireResponses.baseUrl(server))),
            Duration.ofMillis(700),
            testCalls.calls);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static SqlSettings settings() {
    return SqlSettings.none()
        .withTier("db-f1-micro")
        .withDeletionProtection(true)
        .withBackups(true, true, Optional.of("03:00"))
        .withDatabaseFlags(Map.of("max_connections", "100"));
  }

  @Test
  void createInstanceSendsTheSpecAndReturnsTheOperationWithoutWaiting() throws Exception {
    server.enqueue(ok(OPERATION));

    SqlOperationName operation =
        adapter.createInstance(
            new SqlInstanceSpec(INSTANCE, "MYSQL_8_0", "europe-west1", settings()));

    assertThat(operation).isEqualTo(new SqlOperationName("proj-1", "0a1b2c3d-op"));
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/projects/proj-1/instances");
    assertThat(bodyOf(request))
        .contains("\"name\":\"main\"")
        .contains("\"databaseVersion\":\"MYSQL_8_0\"")
        .contains("\"region\":\"europe-west1\"")
        .contains("\"tier\":\"db-f1-micro\"")
        .contains("\"deletionProtectionEnabled\":true")
        .contains("\"binaryLogEnabled\":true")
        .contains("\"startTime\":\"03:00\"")
        .contains("{\"name\":\"max_connections\",\"value\":\"100\"}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anExistingInstanceNameIsAlreadyExists() {
    server.enqueue(
        json(
            409,
            """
            {"error":{"code":409,"message":"The Cloud SQL instance already exists.",
              "errors":[{"message":"The Cloud SQL instance already exists.","domain":"global",
                         "reason":"instanceAlreadyExists"}]}}"""));

    assertThatThrownBy(
            () ->
                adapter.createInstance(
                    new SqlInstanceSpec(INSTANCE, "MYSQL_8_0", "europe-west1", SqlSettings.none())))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("The Cloud SQL instance already exists.");
  }

  @Test
  void aWriteWhileAnotherOperationRunsIsAConflict() {
    server.enqueue(
        json(
            409,
            """
            {"error":{"code":409,"message":"Operation failed because another operation was already in progress.",
              "errors":[{"domain":"global","reason":"operationInProgress",
                         "message":"Operation failed because another operation was already in progress."}]}}"""));

    assertThatThrownBy(
            () -> adapter.patchInstance(INSTANCE, SqlSettings.none().withTier("db-g1-small"), 7))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((GoogleApiException) e).isTransient()).isTrue());
  }

  @Test
  void patchSendsOnlyTheDeclaredSettingsWithTheSettingsVersion() throws Exception {
    server.enqueue(ok(OPERATION.replace("CREATE", "UPDATE")));

    adapter.patchInstance(INSTANCE, SqlSettings.none().withTier("db-g1-small"), 7);

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("X-HTTP-Method-Override")).isEqualTo("PATCH");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/projects/proj-1/instances/main");
    assertThat(bodyOf(request))
        .isEqualTo("{\"settings\":{\"settingsVersion\":\"7\",\"tier\":\"db-g1-small\"}}");
  }

  @Test
  void readsTheInstanceWithConnectionDataAndItsSettings() throws Exception {
    server.enqueue(
        ok(
            """
            {"kind":"sql#instance","name":"main","project":"proj-1","databaseVersion":"MYSQL_8_0",
             "region":"europe-west1","state":"RUNNABLE","connectionName":"proj-1:europe-west1:main",
             "settings":{"tier":"db-f1-micro","settingsVersion":"7","deletionProtectionEnabled":true,
               "backupConfiguration":{"enabled":true,"binaryLogEnabled":true,"startTime":"03:00"},
               "databaseFlags":[{"name":"max_connections","value":"100"}],
               "dataDiskSizeGb":"10","storageAutoResize":true,"availabilityType":"ZONAL"}}"""));

    SqlInstance instance = adapter.findInstance(INSTANCE).orElseThrow();

    assertThat(take(server).getUrl().encodedPath()).isEqualTo("/v1/projects/proj-1/instances/main");
    assertThat(instance.state()).isEqualTo(SqlInstance.State.RUNNABLE);
    assertThat(instance.connectionName()).isEqualTo("proj-1:europe-west1:main");
    assertThat(instance.socketPath()).isEqualTo("/cloudsql/proj-1:europe-west1:main");
    assertThat(instance.settingsVersion()).isEqualTo(7);
    assertThat(settings().differencesFrom(instance.settings()).isEmpty()).isTrue();
    assertThat(settings().withTier("db-g1-small").differencesFrom(instance.settings()))
        .isEqualTo(SqlSettings.none().withTier("db-g1-small"));
  }

  @Test
  void aMissingInstanceIsEmptyAndItsDeleteIsDone() {
    server.enqueue(error(404, "NOT_FOUND", "The Cloud SQL instance does not exist."));
    server.enqueue(error(404, "NOT_FOUND", "The Cloud SQL instance does not exist."));

    assertThat(adapter.findInstance(INSTANCE)).isEmpty();
    assertThat(adapter.deleteInstance(INSTANCE)).isEmpty();
    assertThat(testCalls.count(GoogleApi.SQL_ADMIN, "instances.delete", CallOutcome.NOT_FOUND))
        .isEqualTo(1);
  }

  @Test
  void createsDatabaseAndUserAndSetsThePasswordOnTheAnyHostUser() throws Exception {
    server.enqueue(ok(OPERATION));
    server.enqueue(ok(OPERATION));
    server.enqueue(ok(OPERATION));

    adapter.createDatabase(INSTANCE.database("auth"), "utf8mb4", "utf8mb4_0900_ai_ci");
    adapter.createUser(INSTANCE.user("auth", "%"), SecretValue.ofUtf8(PASSWORD));
    adapter.setUserPassword(INSTANCE.user("auth", "%"), SecretValue.ofUtf8(PASSWORD + "2"));

    RecordedRequest database = take(server);
    assertThat(database.getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/instances/main/databases");
    assertThat(bodyOf(database)).contains("\"charset\":\"utf8mb4\"").contains("\"name\":\"auth\"");
    RecordedRequest user = take(server);
    assertThat(user.getUrl().encodedPath()).isEqualTo("/v1/projects/proj-1/instances/main/users");
    assertThat(bodyOf(user))
        .contains("\"host\":\"%\"")
        .contains("\"password\":\"" + PASSWORD + "\"");
    RecordedRequest update = take(server);
    assertThat(update.getMethod()).isEqualTo("PUT");
    assertThat(update.getUrl().encodedPath()).isEqualTo("/v1/projects/proj-1/instances/main/users");
    assertThat(update.getUrl().queryParameter("name")).isEqualTo("auth");
    assertThat(update.getUrl().queryParameter("host")).isEqualTo("%");
  }

  @Test
  void aRejectedPasswordNeverAppearsInTheError() {
    server.enqueue(error(400, "INVALID_ARGUMENT", "Password does not meet the password policy."));

    assertThatThrownBy(
            () -> adapter.createUser(INSTANCE.user("auth", "%"), SecretValue.ofUtf8(PASSWORD)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("password policy")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void readsUsersAndDatabases() throws Exception {
    server.enqueue(ok("{\"kind\":\"sql#user\",\"name\":\"auth\",\"host\":\"%\"}"));
    server.enqueue(error(404, "NOT_FOUND", "user does not exist"));
    server.enqueue(
        ok(
            "{\"name\":\"auth\",\"charset\":\"utf8mb4\",\"collation\":\"utf8mb4_0900_ai_ci\",\"instance\":\"main\"}"));

    assertThat(adapter.userExists(INSTANCE.user("auth", "%"))).isTrue();
    assertThat(adapter.userExists(INSTANCE.user("other", "%"))).isFalse();
    assertThat(adapter.findDatabase(INSTANCE.database("auth")))
        .contains(new SqlDatabase(INSTANCE.database("auth"), "utf8mb4", "utf8mb4_0900_ai_ci"));

    RecordedRequest getUser = take(server);
    assertThat(getUser.getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/instances/main/users/auth");
    assertThat(getUser.getUrl().queryParameter("host")).isEqualTo("%");
  }

  @Test
  void readsOperationsInEveryState() throws Exception {
    server.enqueue(ok(OPERATION.replace("PENDING", "RUNNING")));
    server.enqueue(ok(OPERATION.replace("PENDING", "DONE")));
    server.enqueue(
        ok(
            """
            {"name":"0a1b2c3d-op","status":"DONE","operationType":"CREATE","targetId":"main",
             "error":{"kind":"sql#operationErrors","errors":[{"code":"INVALID_TIER","message":"Invalid tier: db-huge"}]}}"""));
    SqlOperationName name = new SqlOperationName("proj-1", "0a1b2c3d-op");

    SqlOperation running = adapter.getOperation(name);
    SqlOperation done = adapter.getOperation(name);
    SqlOperation failed = adapter.getOperation(name);

    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/operations/0a1b2c3d-op");
    assertThat(running.done()).isFalse();
    assertThat(done.done()).isTrue();
    assertThat(done.failed()).isFalse();
    assertThat(failed.failed()).isTrue();
    assertThat(failed.errors())
        .containsExactly(new SqlOperation.OperationError("INVALID_TIER", "Invalid tier: db-huge"));
  }

  @Test
  void quotaErrorsCarryRetryAfterAndAreNotRetriedByTheClient() {
    server.enqueue(WireResponses.rateLimited("42"));
    server.enqueue(
        json(
            403,
            """
            {"error":{"code":403,"message":"Rate limit exceeded",
              "errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate limit exceeded"}]}}"""));

    assertThatThrownBy(() -> adapter.findInstance(INSTANCE))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(42)));
    assertThatThrownBy(() -> adapter.findInstance(INSTANCE))
        .isInstanceOf(RateLimitedException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void serverErrorsMalformedBodiesTimeoutsAndDropsAreTransient() {
    server.enqueue(error(503, "UNAVAILABLE", "Service unavailable"));
    server.enqueue(ok("{\"name\": \"main\", \"state\": "));
    server.enqueue(WireResponses.slow(3_000, "{}"));

    assertThatThrownBy(() -> adapter.findInstance(INSTANCE))
        .isInstanceOf(UnavailableException.class);
    assertThatThrownBy(() -> adapter.findInstance(INSTANCE))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("no readable response");
    long started = System.nanoTime();
    assertThatThrownBy(() -> adapter.findInstance(INSTANCE))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("no response within the deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));

    MockResponse drop = WireResponses.dropConnection();
    server.enqueue(drop);
    server.enqueue(drop);
    assertThatThrownBy(() -> adapter.findInstance(INSTANCE))
        .isInstanceOf(UnavailableException.class);
  }
}
