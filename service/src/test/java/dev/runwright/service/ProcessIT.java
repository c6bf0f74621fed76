package dev.runwright.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.service.testing.RunningService;
import dev.runwright.service.testing.TestDatabase;
import dev.runwright.service.testing.TestDatabase.Transport;
import dev.runwright.service.testing.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifact as a real process: commands, exit codes, JSON logs, PORT, SIGTERM. */
class ProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private Process launch(Map<String, String> env, String command) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            command);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectOutput(dir.resolve(command + ".out").toFile());
    builder.redirectError(dir.resolve(command + ".err").toFile());
    return builder.start();
  }

  private List<JsonNode> logLines(String command) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(command + ".out"))) {
      lines.add(JSON.readTree(line)); // every stdout line is one JSON object
    }
    return lines;
  }

  @Test
  void migrateExitsZeroWithOneSummaryLine() throws Exception {
    Process p = launch(db.databaseUrlEnv(Transport.UNIX_SOCKET), "migrate");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<JsonNode> lines = logLines("migrate");
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("severity").asText()).isEqualTo("INFO");
    assertThat(lines.get(0).get("message").asText())
        .contains("schema version 2")
        .contains("applied 2 migration");
  }

  @Test
  void migrateWithBadConfigurationExitsTwoAndNamesEveryProblem() throws Exception {
    Process p = launch(Map.of("DATABASE_URL", "mysql://u:secretpw@/cloudsql/p:r:i/db"), "migrate");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    String message = logLines("migrate").get(0).get("message").asText();
    assertThat(message).contains("unix_socket=/cloudsql/p:r:i").doesNotContain("secretpw");
  }

  @Test
  void serveWithAnUnusableSigningKeyExitsTwoWithoutShowingIt() throws Exception {
    Map<String, String> env = RunningService.baseEnv();
    env.putAll(db.databaseUrlEnv(Transport.TCP));
    String publicOnly = TestKeys.CURRENT.toPublicJWK().toJSONString();
    env.put("JWT_SIGNING_KEY", publicOnly);
    Process p = launch(env, "serve");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    String message = logLines("serve").get(0).get("message").asText();
    assertThat(message).contains("JWT_SIGNING_KEY must contain the private part");
    assertThat(
            Files.readString(dir.resolve("serve.out")) + Files.readString(dir.resolve("serve.err")))
        .doesNotContain(TestKeys.CURRENT.getX().toString());
  }

  @Test
  void serveListensOnPortLogsJsonAndStopsGracefullyOnSigterm() throws Exception {
    Map<String, String> env = RunningService.baseEnv();
    env.putAll(db.databaseUrlEnv(Transport.TCP));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    env.put("PORT", Integer.toString(port));
    Process p = launch(env, "serve");
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = null;
      for (int i = 0; i < 300 && health == null; i++) {
        try {
          health =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                      .header("X-Cloud-Trace-Context", "0123456789abcdef0123456789abcdef/42;o=1")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      assertThat(health).isNotNull();
      assertThat(health.statusCode()).isEqualTo(200);
      long start = System.nanoTime();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      List<JsonNode> lines = logLines("serve");
      assertThat(lines)
          .anySatisfy(
              l -> {
                assertThat(l.path("httpRequest").path("requestUrl").asText()).isEqualTo("/healthz");
                assertThat(l.path("httpRequest").path("status").asInt()).isEqualTo(200);
                assertThat(l.get("logging.googleapis.com/trace").asText())
                    .isEqualTo("0123456789abcdef0123456789abcdef");
                assertThat(l.get("logging.googleapis.com/spanId").asText()).isEqualTo("42");
              });
      assertThat(lines).anySatisfy(l -> assertThat(l.get("message").asText()).isEqualTo("stopped"));
      assertThat(Files.readString(dir.resolve("serve.out")))
          .doesNotContain(TestKeys.CURRENT.getD().toString())
          .doesNotContain(System.getenv("RUNWRIGHT_DB_ADMIN_PASSWORD"));
    } finally {
      p.destroyForcibly();
    }
  }
}
