package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.Settings;
import com.google.api.services.sqladmin.model.User;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.Fault;
import dev.runwright.emulator.control.Latencies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud SQL Admin driven by the real discovery-based SQLAdmin client (which gzips its request
 * bodies).
 */
class CloudSqlAdminIT {
  private static final String PROJECT = "demo-project";
  private static Emulator emulator;
  private static SQLAdmin sql;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorConfig.defaults());
    sql =
        new SQLAdmin.Builder(
                new NetHttpTransport(), GsonFactory.getDefaultInstance(), request -> {})
            .setRootUrl(emulator.rootUrl())
            .setApplicationName("runwright-emulator-test")
            .build();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.control().reset();
    emulator.control().setLatencies(Latencies.none());
  }

  @Test
  void instanceCreationTakesItsConfiguredTimeAndBlocksOtherChanges() throws Exception {
    emulator.control().setLatencies(Latencies.none().withSqlInstanceCreate(Duration.ofSeconds(3)));
    Operation insert = sql.instances().insert(PROJECT, instance("slow", "db-f1-micro")).execute();
    assertThat(insert.getStatus()).isEqualTo("PENDING");
    assertThat(insert.getOperationType()).isEqualTo("CREATE");
    assertThat(insert.getTargetId()).isEqualTo("slow");
    assertThat(sql.instances().get(PROJECT, "slow").execute().getState())
        .isEqualTo("PENDING_CREATE");
    assertThat(sql.operations().get(PROJECT, insert.getName()).execute().getStatus())
        .isEqualTo("RUNNING");

    GoogleJsonResponseException busy =
        catchGoogle(
            () -> sql.databases().insert(PROJECT, "slow", new Database().setName("app")).execute());
    assertThat(busy.getStatusCode()).isEqualTo(409);
    assertThat(busy.getDetails().getErrors().get(0).getReason()).isEqualTo("operationInProgress");

    Operation done = waitDone(insert.getName());
    assertThat(done.getError()).isNull();
    DatabaseInstance ready = sql.instances().get(PROJECT, "slow").execute();
    assertThat(ready.getState()).isEqualTo("RUNNABLE");
    assertThat(ready.getConnectionName()).isEqualTo(PROJECT + ":europe-west1:slow");
    assertThat(ready.getSettings().getSettingsVersion()).isEqualTo(1L);
    assertThat(ready.getSettings().getEdition()).isEqualTo("ENTERPRISE");
    assertThat(sql.operations().list(PROJECT).setInstance("slow").execute().getItems())
        .extracting(Operation::getName)
        .contains(insert.getName());
  }

  @Test
  void databasesAndUsersRoundTrip() throws Exception {
    waitDone(
        sql.instances().insert(PROJECT, instance("main", "db-custom-1-3840")).execute().getName());
    Operation createDb =
        sql.databases().insert(PROJECT, "main", new Database().setName("app")).execute();
    assertThat(createDb.getStatus()).isEqualTo("DONE");
    assertThat(sql.databases().get(PROJECT, "main", "app").execute().getCharset())
        .isEqualTo("utf8mb4");
    assertThat(sql.databases().list(PROJECT, "main").execute().getItems())
        .extracting(Database::getName)
        .contains("app", "mysql");

    waitDone(
        sql.users()
            .insert(PROJECT, "main", new User().setName("app").setPassword("first"))
            .execute()
            .getName());
    User listed =
        sql.users().list(PROJECT, "main").execute().getItems().stream()
            .filter(u -> u.getName().equals("app"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getHost()).isEqualTo("%");
    assertThat(listed.getPassword()).isNull();
    Operation update =
        sql.users()
            .update(PROJECT, "main", new User().setName("app").setPassword("second"))
            .setName("app")
            .setHost("%")
            .execute();
    assertThat(waitDone(update.getName()).getOperationType()).isEqualTo("UPDATE_USER");
    assertThat(
            catchGoogle(
                    () -> sql.users().insert(PROJECT, "main", new User().setName("app")).execute())
                .getStatusCode())
        .isEqualTo(409);

    waitDone(sql.users().delete(PROJECT, "main").setName("app").setHost("%").execute().getName());
    assertThat(sql.users().list(PROJECT, "main").execute().getItems())
        .extracting(User::getName)
        .doesNotContain("app");
    waitDone(sql.databases().delete(PROJECT, "main", "app").execute().getName());
    assertThat(
            catchGoogle(() -> sql.databases().get(PROJECT, "main", "app").execute())
                .getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void validationAndConflictsAnswerLikeGoogle() throws Exception {
    GoogleJsonResponseException badTier =
        catchGoogle(
            () -> sql.instances().insert(PROJECT, instance("bad", "db-n1-huge-3")).execute());
    assertThat(badTier.getStatusCode()).isEqualTo(400);
    assertThat(badTier.getDetails().getMessage()).contains("Invalid Tier (db-n1-huge-3)");
    assertThat(badTier.getDetails().getErrors().get(0).getReason()).isEqualTo("invalid");

    DatabaseInstance plus = instance("plus", "db-f1-micro");
    plus.getSettings().setEdition("ENTERPRISE_PLUS");
    assertThat(catchGoogle(() -> sql.instances().insert(PROJECT, plus).execute()).getStatusCode())
        .isEqualTo(400);

    waitDone(sql.instances().insert(PROJECT, instance("dup", "db-g1-small")).execute().getName());
    GoogleJsonResponseException duplicate =
        catchGoogle(
            () -> sql.instances().insert(PROJECT, instance("dup", "db-g1-small")).execute());
    assertThat(duplicate.getStatusCode()).isEqualTo(409);
    assertThat(duplicate.getDetails().getErrors().get(0).getReason())
        .isEqualTo("instanceAlreadyExists");

    GoogleJsonResponseException missing =
        catchGoogle(() -> sql.instances().get(PROJECT, "nope").execute());
    assertThat(missing.getStatusCode()).isEqualTo(404);
  }

  @Test
  void deletionProtectionIsHonoured() throws Exception {
    DatabaseInstance protectedInstance = instance("keep", "db-f1-micro");
    protectedInstance.getSettings().setDeletionProtectionEnabled(true);
    waitDone(sql.instances().insert(PROJECT, protectedInstance).execute().getName());

    GoogleJsonResponseException refused =
        catchGoogle(() -> sql.instances().delete(PROJECT, "keep").execute());
    assertThat(refused.getStatusCode()).isEqualTo(400);
    assertThat(refused.getDetails().getMessage()).contains("protected from deletion");

    Operation patch =
        sql.instances()
            .patch(
                PROJECT,
                "keep",
                new DatabaseInstance()
                    .setSettings(new Settings().setDeletionProtectionEnabled(false)))
            .execute();
    waitDone(patch.getName());
    DatabaseInstance patched = sql.instances().get(PROJECT, "keep").execute();
    assertThat(patched.getSettings().getDeletionProtectionEnabled()).isFalse();
    assertThat(patched.getSettings().getTier()).isEqualTo("db-f1-micro");
    assertThat(patched.getSettings().getSettingsVersion()).isEqualTo(2L);

    waitDone(sql.instances().delete(PROJECT, "keep").execute().getName());
    assertThat(catchGoogle(() -> sql.instances().get(PROJECT, "keep").execute()).getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void failedOperationsCarryAnError() throws Exception {
    emulator.control().outcomes().failSqlOperationsOn("broken");
    Operation op =
        waitDone(
            sql.instances().insert(PROJECT, instance("broken", "db-f1-micro")).execute().getName());
    assertThat(op.getError().getErrors().get(0).getCode()).isEqualTo("INTERNAL_ERROR");
    assertThat(sql.instances().get(PROJECT, "broken").execute().getState()).isEqualTo("FAILED");
  }

  @Test
  void injectedFaultsUseTheLegacyErrorShapeAndAreCounted() throws Exception {
    emulator.control().faults().add(Fault.rateLimited("sql.instances.list", 1, 3));
    GoogleJsonResponseException limited =
        catchGoogle(() -> sql.instances().list(PROJECT).execute());
    assertThat(limited.getStatusCode()).isEqualTo(429);
    assertThat(limited.getHeaders().getRetryAfter()).isEqualTo("3");
    assertThat(limited.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
    assertThat(sql.instances().list(PROJECT).execute().getItems()).isEmpty();
    assertThat(emulator.control().counters().count("sql.instances.list")).isEqualTo(2);
    assertThat(emulator.control().counters().writes(Api.SQL)).isZero();
  }

  @Test
  void v1beta4PathTakesGzipBodiesToo() throws Exception {
    String body =
        "{\"name\":\"beta\",\"region\":\"us-central1\",\"databaseVersion\":\"MYSQL_8_0\","
            + "\"settings\":{\"tier\":\"db-n1-standard-1\"}}";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> insert =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            emulator.endpoint()
                                + "/sql/v1beta4/projects/"
                                + PROJECT
                                + "/instances"))
                    .header("Content-Type", "application/json")
                    .header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(insert.statusCode()).isEqualTo(200);
    assertThat(insert.body()).contains("\"kind\": \"sql#operation\"");
    HttpResponse<String> get =
        new RawHttp(emulator.endpoint())
            .get("/sql/v1beta4/projects/" + PROJECT + "/instances/beta");
    assertThat(get.body()).contains("\"connectionName\": \"demo-project:us-central1:beta\"");
    // The same instance through the v1 client.
    assertThat(sql.instances().get(PROJECT, "beta").execute().getSettings().getDataDiskSizeGb())
        .isEqualTo(10L);
  }

  private static DatabaseInstance instance(String name, String tier) {
    return new DatabaseInstance()
        .setName(name)
        .setRegion("europe-west1")
        .setDatabaseVersion("MYSQL_8_0")
        .setSettings(new Settings().setTier(tier));
  }

  private static Operation waitDone(String operation) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Operation op = sql.operations().get(PROJECT, operation).execute();
      if ("DONE".equals(op.getStatus())) {
        return op;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Operation " + operation + " not DONE within 10 s");
  }

  @FunctionalInterface
  private interface Call {
    Object run() throws IOException;
  }

  private static GoogleJsonResponseException catchGoogle(Call call) {
    try {
      call.run();
    } catch (GoogleJsonResponseException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError("Expected a Google JSON error, got " + e, e);
    }
    throw new AssertionError("Expected a Google JSON error, but the call succeeded");
  }
}
