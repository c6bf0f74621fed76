package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.emulator.control.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin HTTP API under /emulator/v1, the hang and delay faults, and the standalone main. */
class AdminApiIT {
  private static Emulator emulator;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorConfig.defaults());
    http = new RawHttp(emulator.endpoint());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    assertThat(http.send("POST", "/emulator/v1/reset", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void faultsCountersLatenciesAndOutcomesOverHttp() {
    assertThat(http.get("/emulator/v1/health").body()).contains("SERVING");

    var added =
        http.send(
            "POST",
            "/emulator/v1/faults",
            "{\"method\":\"secretmanager.secrets.get\",\"httpStatus\":503,\"times\":1,"
                + "\"retryAfterSeconds\":2}");
    assertThat(added.statusCode()).isEqualTo(200);
    var faulted = http.get("/v1/projects/p/secrets/s");
    assertThat(faulted.statusCode()).isEqualTo(503);
    assertThat(faulted.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(faulted.body()).contains("UNAVAILABLE");
    assertThat(http.get("/v1/projects/p/secrets/s").statusCode()).isEqualTo(404);

    var counters = http.get("/emulator/v1/counters").body();
    assertThat(counters).contains("\"secretmanager.secrets.get\"").contains("\"count\": 2");
    assertThat(counters).contains("\"kind\": \"READ\"");
    assertThat(http.send("POST", "/emulator/v1/counters:reset", "{}").body())
        .doesNotContain("secrets.get");

    var latencies = http.send("PUT", "/emulator/v1/latencies", "{\"sqlInstanceCreate\":\"PT3S\"}");
    assertThat(latencies.body()).contains("\"sqlInstanceCreate\": \"PT3S\"");
    assertThat(emulator.control().latencies().sqlInstanceCreate()).isEqualTo(Duration.ofSeconds(3));
    http.send("PUT", "/emulator/v1/latencies", "{}");

    http.send("POST", "/emulator/v1/outcomes", "{\"failExecutionsOf\":[\"jobs/migrate\"]}");
    assertThat(emulator.control().outcomes().executionFails("projects/p/locations/l/jobs/migrate"))
        .isTrue();
    assertThat(http.send("POST", "/emulator/v1/faults", "{not json").statusCode()).isEqualTo(400);
    assertThat(http.get("/emulator/v1/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void hangDropsTheConnectionAndDelaySlowsTheAnswer() {
    // The JDK client retries an idempotent GET on a dropped connection: hang every attempt.
    emulator
        .control()
        .faults()
        .add(Fault.hang("secretmanager.secrets.list", Duration.ofMillis(100), -1));
    assertThatThrownBy(() -> http.get("/v1/projects/p/secrets"))
        .hasRootCauseInstanceOf(IOException.class);
    emulator.control().faults().clear();
    assertThat(http.get("/v1/projects/p/secrets").statusCode()).isEqualTo(200);

    emulator
        .control()
        .faults()
        .add(Fault.latency("secretmanager.secrets.list", Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertThat(http.get("/v1/projects/p/secrets").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void unknownPathsAndVerbsAnswerLikeGoogle() {
    var unknown = http.get("/v3/whatever");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"status\": \"NOT_FOUND\"");
    assertThat(http.send("PUT", "/v1/projects/p/secrets", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void standaloneMainServesOnTheGivenPort() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      String endpoint = null;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("Runwright emulator listening on ")) {
          endpoint = line.substring("Runwright emulator listening on ".length()).trim();
          break;
        }
      }
      assertThat(endpoint).startsWith("http://127.0.0.1:");
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint + "/emulator/v1/health"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("SERVING");
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
