package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.Settings;
import com.google.api.services.sqladmin.model.User;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.HTTPGetAction;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobName;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.Probe;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import dev.runwright.emulator.local.LocalRuntimeConfig;
import dev.runwright.emulator.run.TrafficChange;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local runtime with the real JWT service image (Jib's tarball from the service module), the
 * real MariaDB behind Cloud SQL and the real Google clients: migrations as job executions, the
 * service behind its URL reached through {@code /cloudsql/...}, traffic splits and tag URLs, and no
 * process left after the emulator stops. The tests build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRuntimeIT {
  private static final String PROJECT = "local-project";
  private static final String REGION = "europe-west1";
  private static final String IMAGE = "runwright/jwt-service:1.0.0";
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String INSTANCE = "main-" + SUFFIX;
  private static final String CONNECTION = PROJECT + ":" + REGION + ":" + INSTANCE;
  private static final String DATABASE = "jwt_" + SUFFIX;
  private static final String BROKEN_DATABASE = "broken_" + SUFFIX;
  private static final String USER = "jwt_" + SUFFIX;
  private static final String PASSWORD = "pw-" + UUID.randomUUID();
  private static final Duration PROCESS_START = Duration.ofMinutes(3);

  private static LocalRuntimeConfig.MariaDb mariaDb;
  private static Emulator emulator;
  private static RunClients run;
  private static SQLAdmin sql;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    mariaDb = mariaDbFromEnvironment();
    Path tarball =
        Path.of(System.getProperty("runwright.service.image", "../service/target/jib-image.tar"));
    assertThat(tarball)
        .as("the service image tarball (built by `./mvnw -pl service package`)")
        .isRegularFile();
    emulator =
        Emulator.start(
            EmulatorConfig.defaults()
                .withLocalRuntime(
                    LocalRuntimeConfig.of(Map.of("runwright/jwt-service", tarball), mariaDb)
                        .withCommand("example/shell", List.of("sh", "-c"))
                        .withWorkDirectory(Path.of("target/local-runtime-it"))));
    run = new RunClients(emulator);
    sql =
        new SQLAdmin.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), r -> {})
            .setRootUrl(emulator.rootUrl())
            .setApplicationName("runwright-emulator-test")
            .build();
    done(
        sql.instances()
            .insert(
                PROJECT,
                new DatabaseInstance()
                    .setName(INSTANCE)
                    .setRegion(REGION)
                    .setDatabaseVersion("MYSQL_8_0")
                    .setSettings(new Settings().setTier("db-f1-micro")))
            .execute());
    done(sql.databases().insert(PROJECT, INSTANCE, new Database().setName(DATABASE)).execute());
    done(
        sql.databases()
            .insert(PROJECT, INSTANCE, new Database().setName(BROKEN_DATABASE))
            .execute());
    done(
        sql.users()
            .insert(PROJECT, INSTANCE, new User().setName(USER).setPassword(PASSWORD))
            .execute());
    try (SecretManagerServiceClient secrets =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newHttpJsonBuilder()
                .setEndpoint(emulator.endpoint())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      addSecret(secrets, "db-password", "wrong-version-1");
      secrets.addSecretVersion(
          SecretName.of(PROJECT, "db-password"),
          SecretPayload.newBuilder().setData(ByteString.copyFromUtf8(PASSWORD)).build());
      addSecret(secrets, "jwt-signing-key", signingKey());
    }
  }

  @AfterAll
  static void stop() {
    if (run != null) {
      run.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  @Order(1)
  void cloudSqlDatabasesAndUsersAreRealInMariaDb() throws Exception {
    try (Connection connection = asUser(DATABASE);
        ResultSet rs = connection.createStatement().executeQuery("SELECT DATABASE()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(DATABASE);
    }
    done(
        sql.databases()
            .insert(PROJECT, INSTANCE, new Database().setName("gone_" + SUFFIX))
            .execute());
    assertThat(databases()).contains("gone_" + SUFFIX);
    done(sql.databases().delete(PROJECT, INSTANCE, "gone_" + SUFFIX).execute());
    assertThat(databases()).doesNotContain("gone_" + SUFFIX);
  }

  @Test
  @Order(2)
  void aMigrationJobCreatesTheSchema() throws Exception {
    Execution execution = runJob("migrate", DATABASE);
    assertThat(execution.getSucceededCount()).isEqualTo(1);
    assertThat(execution.getFailedCount()).isZero();
    assertThat(execution.hasCompletionTime()).isTrue();
    assertThat(logOf(execution.getLogUri())).contains("migrat");
    assertThat(tables(DATABASE)).contains("users", "refresh_tokens");
  }

  @Test
  @Order(3)
  void aFailingMigrationRecordsAFailedExecutionWithItsLog() throws Exception {
    // A table in the way makes Flyway refuse to migrate: a real failure, exit code 1.
    try (Connection connection = asUser(BROKEN_DATABASE)) {
      connection.createStatement().execute("CREATE TABLE users (id INT)");
    }
    Execution execution = runJob("migrate-broken", BROKEN_DATABASE);
    assertThat(execution.getFailedCount()).isEqualTo(1);
    assertThat(execution.getSucceededCount()).isZero();
    Condition completed =
        execution.getConditionsList().stream()
            .filter(c -> c.getType().equals("Completed"))
            .findFirst()
            .orElseThrow();
    assertThat(completed.getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(completed.getMessage()).contains("exit code 1").contains(execution.getLogUri());
    assertThat(logOf(execution.getLogUri())).contains("migrate: failed").contains(BROKEN_DATABASE);
  }

  @Test
  @Order(4)
  void tasksRunInParallelWithTheirIndexAndRetriesAndTheExecutionCountsThem() throws Exception {
    RunClients.await(
        run.jobs.createJobAsync(
            LocationName.of(PROJECT, REGION),
            Job.newBuilder()
                .setTemplate(
                    ExecutionTemplate.newBuilder()
                        .setTaskCount(2)
                        .setParallelism(2)
                        .setTemplate(
                            TaskTemplate.newBuilder()
                                .setMaxRetries(1)
                                .addContainers(
                                    Container.newBuilder()
                                        .setImage("example/shell:1")
                                        .addArgs(
                                            "echo task $CLOUD_RUN_TASK_INDEX/$CLOUD_RUN_TASK_COUNT"
                                                + " attempt $CLOUD_RUN_TASK_ATTEMPT of"
                                                + " $CLOUD_RUN_EXECUTION secret $S;"
                                                + " exit $CLOUD_RUN_TASK_INDEX")
                                        .addEnv(secretEnv("S", "db-password", "1")))))
                .build(),
            "shell"));
    String name =
        run.jobs
            .runJobAsync(
                RunJobRequest.newBuilder()
                    .setName(JobName.of(PROJECT, REGION, "shell").toString())
                    .build())
            .getMetadata()
            .get()
            .getName();
    Execution execution =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> run.executions.getExecution(name), Execution::hasCompletionTime);
    assertThat(execution.getSucceededCount()).isEqualTo(1);
    assertThat(execution.getFailedCount()).isEqualTo(1);
    assertThat(execution.getRetriedCount()).isEqualTo(1);
    assertThat(logOf(execution.getLogUri()))
        .contains("task 0/2 attempt 0 of " + last(name) + " secret wrong-version-1")
        .contains("task 1/2 attempt 0")
        .contains("task 1/2 attempt 1");
  }

  @Test
  @Order(5)
  void theServiceAnswersOnItsUrlAndStoresUsersInMariaDbThroughTheCloudSqlSocket() throws Exception {
    run.services
        .createServiceAsync(
            LocationName.of(PROJECT, REGION),
            Service.newBuilder().setTemplate(serviceTemplate("blue")).build(),
            "jwt")
        .getInitialFuture()
        .get();
    Service service = awaitReady();
    assertThat(service.getUri()).startsWith("http://127.0.0.1:");
    assertThat(get(service.getUri() + "/readyz").statusCode()).isEqualTo(200);

    HttpResponse<String> registered =
        post(service.getUri() + "/api/v1/auth/register", credentials());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> login = post(service.getUri() + "/api/v1/auth/login", credentials());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("access_token");
    try (Connection connection = asUser(DATABASE);
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery("SELECT COUNT(*) FROM users WHERE username = 'alice'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    // Cloud Run's default 512Mi becomes the JVM's idea of the machine's memory.
    assertThat(javaChildren())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.info().arguments().orElseThrow())
                    .contains("-XX:MaxRAM=" + 512L * 1024 * 1024));
    Revision revision = run.revisions.getRevision(service.getLatestReadyRevision());
    assertThat(revision.getLogUri()).startsWith("file:");
    assertThat(logOf(revision.getLogUri())).contains("/api/v1/auth/login");
  }

  @Test
  @Order(6)
  void aFiftyFiftySplitServesBothRevisionsAndATagUrlOnlyItsRevision() throws Exception {
    Service before = run.services.getService(ServiceName.of(PROJECT, REGION, "jwt"));
    String blue = last(before.getLatestReadyRevision());
    run.services
        .updateServiceAsync(
            before.toBuilder()
                .setTemplate(serviceTemplate("green"))
                .clearTraffic()
                .addTraffic(revisionTarget(blue, 50, ""))
                .addTraffic(
                    TrafficTarget.newBuilder()
                        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
                        .setPercent(50)
                        .setTag("candidate"))
                .build())
        .getInitialFuture()
        .get();
    Service service = awaitReady();
    String green = last(service.getLatestReadyRevision());
    assertThat(green).isNotEqualTo(blue);

    Map<String, Integer> served = new HashMap<>();
    int requests = 200;
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> response = get(service.getUri() + "/healthz");
      assertThat(response.statusCode()).isEqualTo(200);
      served.merge(
          response.headers().firstValue("X-Runwright-Revision").orElseThrow(), 1, Integer::sum);
    }
    assertThat(served.keySet()).containsExactlyInAnyOrder(blue, green);
    // The traffic history saw the split the local router serves.
    String revisions = service.getName() + "/revisions/";
    assertThat(emulator.control().trafficHistory().getLast().routes())
        .containsExactly(
            new TrafficChange.Route(revisions + blue, IMAGE, 50, ""),
            new TrafficChange.Route(revisions + green, IMAGE, 50, "candidate"));
    // 50% of 200 with a binomial standard deviation of about 7: 70..130 is beyond 4 sigma.
    assertThat(served.get(blue)).isBetween(70, 130);

    String tagUri =
        service.getTrafficStatusesList().stream()
            .filter(t -> t.getTag().equals("candidate"))
            .findFirst()
            .orElseThrow()
            .getUri();
    assertThat(tagUri).startsWith("http://127.0.0.1:").isNotEqualTo(service.getUri());
    for (int i = 0; i < 20; i++) {
      assertThat(get(tagUri + "/healthz").headers().firstValue("X-Runwright-Revision"))
          .hasValue(green);
    }
  }

  @Test
  @Order(7)
  void aRevisionWithoutTrafficOrTagHasNoProcess() throws Exception {
    Service before = run.services.getService(ServiceName.of(PROJECT, REGION, "jwt"));
    String green = last(before.getLatestReadyRevision());
    int processesBefore = javaChildren().size();
    run.services
        .updateServiceAsync(
            before.toBuilder().clearTraffic().addTraffic(revisionTarget(green, 100, "")).build())
        .getInitialFuture()
        .get();
    Service service = awaitReady();
    assertThat(service.getTrafficStatusesList()).hasSize(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(javaChildren()).hasSize(processesBefore - 1));
    assertThat(get(service.getUri() + "/healthz").headers().firstValue("X-Runwright-Revision"))
        .hasValue(green);
  }

  @Test
  @Order(8)
  void aRevisionWhoseProcessExitsIsNotReadyWithTheReason() throws Exception {
    // Without JWT settings the service refuses to start (exit code 2).
    run.services
        .createServiceAsync(
            LocationName.of(PROJECT, REGION),
            Service.newBuilder()
                .setTemplate(
                    RevisionTemplate.newBuilder()
                        .addContainers(
                            Container.newBuilder()
                                .setImage(IMAGE)
                                .addAllEnv(databaseEnv(DATABASE))))
                .build(),
            "broken")
        .getInitialFuture()
        .get();
    Service service =
        await()
            .atMost(PROCESS_START)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> run.services.getService(ServiceName.of(PROJECT, REGION, "broken")),
                s -> !s.getReconciling());
    assertThat(service.getTerminalCondition().getState())
        .isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(service.getTerminalCondition().getMessage())
        .contains("is not ready and cannot serve traffic")
        .contains("Container called exit(2)");
    Revision revision = run.revisions.getRevision(service.getLatestCreatedRevision());
    assertThat(revision.getConditionsList())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getState()).isEqualTo(Condition.State.CONDITION_FAILED);
            });
  }

  @Test
  @Order(9)
  void stoppingTheEmulatorLeavesNoProcessBehind() {
    List<ProcessHandle> children = javaChildren();
    assertThat(children).isNotEmpty();
    run.close();
    emulator.close();
    run = null;
    emulator = null;
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(ProcessHandle.current().descendants()).noneMatch(ProcessHandle::isAlive);
  }

  // ---------------------------------------------------------------------------------------------

  private static RevisionTemplate serviceTemplate(String color) {
    return RevisionTemplate.newBuilder()
        .addContainers(
            Container.newBuilder()
                .setImage(IMAGE)
                .addAllEnv(databaseEnv(DATABASE))
                .addEnv(env("JWT_ISSUER", "https://jwt.example"))
                .addEnv(env("JWT_AUDIENCE", "jwt-clients"))
                .addEnv(env("DEPLOYMENT_COLOR", color))
                .addEnv(secretEnv("JWT_SIGNING_KEY", "jwt-signing-key", "1"))
                .setStartupProbe(
                    Probe.newBuilder()
                        .setHttpGet(HTTPGetAction.newBuilder().setPath("/readyz"))
                        .setPeriodSeconds(2)
                        .setFailureThreshold(90)))
        .build();
  }

  private static List<EnvVar> databaseEnv(String database) {
    return List.of(
        env("DB_SOCKET", "/cloudsql/" + CONNECTION),
        env("DB_NAME", database),
        env("DB_USER", USER),
        // Version 2 is the right password: the pinned version is what the process gets.
        secretEnv("DB_PASSWORD", "db-password", "2"));
  }

  private static Execution runJob(String job, String database) throws Exception {
    RunClients.await(
        run.jobs.createJobAsync(
            LocationName.of(PROJECT, REGION),
            Job.newBuilder()
                .setTemplate(
                    ExecutionTemplate.newBuilder()
                        .setTemplate(
                            TaskTemplate.newBuilder()
                                .setMaxRetries(0)
                                .addContainers(
                                    Container.newBuilder()
                                        .setImage(IMAGE)
                                        .addArgs("migrate")
                                        .addAllEnv(databaseEnv(database)))))
                .build(),
            job));
    String name =
        run.jobs
            .runJobAsync(
                RunJobRequest.newBuilder()
                    .setName(JobName.of(PROJECT, REGION, job).toString())
                    .build())
            .getMetadata()
            .get()
            .getName();
    return await()
        .atMost(PROCESS_START)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> run.executions.getExecution(name), Execution::hasCompletionTime);
  }

  private static Service awaitReady() {
    Service service =
        await()
            .atMost(PROCESS_START)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> run.services.getService(ServiceName.of(PROJECT, REGION, "jwt")),
                s -> !s.getReconciling());
    assertThat(service.getTerminalCondition().getState())
        .as(service.getTerminalCondition().getMessage())
        .isEqualTo(Condition.State.CONDITION_SUCCEEDED);
    return service;
  }

  private static TrafficTarget.Builder revisionTarget(String revision, int percent, String tag) {
    return TrafficTarget.newBuilder()
        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
        .setRevision(revision)
        .setPercent(percent)
        .setTag(tag);
  }

  private static EnvVar env(String name, String value) {
    return EnvVar.newBuilder().setName(name).setValue(value).build();
  }

  private static EnvVar secretEnv(String name, String secret, String version) {
    return EnvVar.newBuilder()
        .setName(name)
        .setValueSource(
            EnvVarSource.newBuilder()
                .setSecretKeyRef(
                    SecretKeySelector.newBuilder().setSecret(secret).setVersion(version)))
        .build();
  }

  private static void addSecret(SecretManagerServiceClient secrets, String id, String value) {
    secrets.createSecret(
        ProjectName.of(PROJECT),
        id,
        Secret.newBuilder()
            .setReplication(
                Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()))
            .build());
    secrets.addSecretVersion(
        SecretName.of(PROJECT, id),
        SecretPayload.newBuilder().setData(ByteString.copyFromUtf8(value)).build());
  }

  /** A private EC P-256 JWK with a kid, as `generate-key` prints it. */
  private static String signingKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var pair = generator.generateKeyPair();
    ECPublicKey pub = (ECPublicKey) pair.getPublic();
    ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
    return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"it-key\",\"x\":\""
        + b64(pub.getW().getAffineX())
        + "\",\"y\":\""
        + b64(pub.getW().getAffineY())
        + "\",\"d\":\""
        + b64(priv.getS())
        + "\"}";
  }

  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int copy = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }

  private static String credentials() {
    return "{\"username\":\"alice\",\"password\":\"correct-horse-battery-staple-42\"}";
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String logOf(String logUri) throws Exception {
    assertThat(logUri).startsWith("file:");
    return Files.readString(Path.of(URI.create(logUri)));
  }

  private static String last(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** The JVMs the emulator started (the test JVM's child processes running java). */
  private static List<ProcessHandle> javaChildren() {
    List<ProcessHandle> children = new ArrayList<>();
    ProcessHandle.current()
        .children()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .forEach(children::add);
    return children;
  }

  private static void done(Operation operation) throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> sql.operations().get(PROJECT, operation.getName()).execute(),
            o -> o.getStatus().equals("DONE"));
    Operation finished = sql.operations().get(PROJECT, operation.getName()).execute();
    assertThat(finished.getError()).as("operation error").isNull();
  }

  private static Connection asUser(String database) throws Exception {
    return DriverManager.getConnection(
        "jdbc:mysql://" + mariaDb.host() + ":" + mariaDb.port() + "/" + database, USER, PASSWORD);
  }

  private static List<String> databases() throws Exception {
    return query(null, "SHOW DATABASES");
  }

  private static List<String> tables(String database) throws Exception {
    return query(database, "SHOW TABLES");
  }

  private static List<String> query(String database, String sqlText) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:mysql://"
                    + mariaDb.host()
                    + ":"
                    + mariaDb.port()
                    + "/"
                    + (database == null ? "" : database),
                mariaDb.adminUser(),
                mariaDb.adminPassword());
        ResultSet rs = connection.createStatement().executeQuery(sqlText)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static LocalRuntimeConfig.MariaDb mariaDbFromEnvironment() {
    Map<String, String> env = System.getenv();
    List<String> missing =
        List.of(
                "RUNWRIGHT_DB_HOST",
                "RUNWRIGHT_DB_PORT",
                "RUNWRIGHT_DB_SOCKET",
                "RUNWRIGHT_DB_ADMIN_USER",
                "RUNWRIGHT_DB_ADMIN_PASSWORD")
            .stream()
            .filter(name -> env.get(name) == null || env.get(name).isBlank())
            .toList();
    assertThat(missing)
        .as(
            "MariaDB settings missing; run `scripts/mariadb.sh start target/mariadb && source"
                + " target/mariadb/env` (scripts/test.sh does it)")
        .isEmpty();
    return new LocalRuntimeConfig.MariaDb(
        env.get("RUNWRIGHT_DB_HOST"),
        Integer.parseInt(env.get("RUNWRIGHT_DB_PORT")),
        Path.of(env.get("RUNWRIGHT_DB_SOCKET")),
        env.get("RUNWRIGHT_DB_ADMIN_USER"),
        env.get("RUNWRIGHT_DB_ADMIN_PASSWORD"));
  }
}
