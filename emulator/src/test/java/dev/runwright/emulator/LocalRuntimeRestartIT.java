package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import dev.runwright.emulator.local.LocalRuntimeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local-runtime emulator with a state directory, stopped and started again: the serving revision
 * runs again and its service answers on its (new) URL. The revision is a host command (the fallback
 * for images without a tarball): Python's HTTP server on {@code PORT}. No Cloud SQL here, so the
 * database settings are never used.
 */
class LocalRuntimeRestartIT {
  private static final String PROJECT = "restart-project";
  private static final String REGION = "europe-west1";
  private static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path state;
  @TempDir Path work;

  private Emulator start() {
    return Emulator.start(
        EmulatorConfig.defaults()
            .withStateDirectory(state)
            .withLocalRuntime(
                LocalRuntimeConfig.of(
                        Map.of(),
                        new LocalRuntimeConfig.MariaDb(
                            "127.0.0.1", 3306, Path.of("/nonexistent/mysqld.sock"), "unused", "-"))
                    .withCommand(
                        "example/web",
                        List.of(
                            "sh",
                            "-c",
                            "echo K_SERVICE=$K_SERVICE K_REVISION=$K_REVISION"
                                + " K_CONFIGURATION=$K_CONFIGURATION;"
                                + " exec python3 -m http.server \"$PORT\" --bind 127.0.0.1"))
                    .withWorkDirectory(work)));
  }

  @Test
  void aRestartedEmulatorServesTheSettledRoutesAgain() throws Exception {
    String firstUri;
    try (Emulator emulator = start();
        RunClients run = new RunClients(emulator)) {
      run.services
          .createServiceAsync(
              LocationName.of(PROJECT, REGION),
              Service.newBuilder()
                  .setTemplate(
                      RevisionTemplate.newBuilder()
                          .addContainers(Container.newBuilder().setImage("example/web:1")))
                  .build(),
              "web")
          .getInitialFuture()
          .get();
      Service service = awaitSettled(run);
      firstUri = service.getUri();
      assertThat(get(firstUri).statusCode()).isEqualTo(200);
      String revision = last(service.getLatestReadyRevision());
      assertThat(
              Files.readString(
                  Path.of(
                      URI.create(
                          run.revisions
                              .getRevision(service.getLatestReadyRevision())
                              .getLogUri()))))
          .contains("K_SERVICE=web K_REVISION=" + revision + " K_CONFIGURATION=web");
    }
    assertThat(ProcessHandle.current().children()).noneMatch(ProcessHandle::isAlive);

    try (Emulator emulator = start();
        RunClients run = new RunClients(emulator)) {
      Service service = awaitSettled(run);
      assertThat(service.getTerminalCondition().getState())
          .isEqualTo(Condition.State.CONDITION_SUCCEEDED);
      HttpResponse<String> response =
          await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .until(() -> get(service.getUri()), r -> r.statusCode() == 200);
      assertThat(response.headers().firstValue("X-Runwright-Revision"))
          .hasValue(last(service.getLatestReadyRevision()));
    }
    assertThat(ProcessHandle.current().children()).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aResetStopsTheProcessesAndClosesTheUrls() throws Exception {
    try (Emulator emulator = start();
        RunClients run = new RunClients(emulator)) {
      run.services
          .createServiceAsync(
              LocationName.of(PROJECT, REGION),
              Service.newBuilder()
                  .setTemplate(
                      RevisionTemplate.newBuilder()
                          .addContainers(Container.newBuilder().setImage("example/web:1")))
                  .build(),
              "web")
          .getInitialFuture()
          .get();
      String uri = awaitSettled(run).getUri();
      assertThat(get(uri).statusCode()).isEqualTo(200);
      assertThat(ProcessHandle.current().children()).anyMatch(ProcessHandle::isAlive);

      emulator.control().reset();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(ProcessHandle.current().children()).noneMatch(ProcessHandle::isAlive));
      assertThatThrownBy(() -> get(uri)).isInstanceOf(java.io.IOException.class);
    }
  }

  private static Service awaitSettled(RunClients run) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> run.services.getService(ServiceName.of(PROJECT, REGION, "web")),
            s -> !s.getReconciling() && !s.getLatestReadyRevision().isEmpty());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String last(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
