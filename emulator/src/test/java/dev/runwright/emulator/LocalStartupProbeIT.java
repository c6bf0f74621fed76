package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.Probe;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TCPSocketAction;
import dev.runwright.emulator.local.LocalRuntimeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision whose process runs but never listens fails when its startup probe runs out, with Cloud
 * Run's reason, and its process is stopped. The revision is a host command (no Cloud SQL here, so
 * the database settings are never used).
 */
class LocalStartupProbeIT {
  private static final String PROJECT = "probe-project";
  private static final String REGION = "europe-west1";

  @TempDir Path work;

  @Test
  void aRevisionThatNeverListensFailsWhenItsStartupProbeRunsOut() throws Exception {
    try (Emulator emulator =
            Emulator.start(
                EmulatorConfig.defaults()
                    .withLocalRuntime(
                        LocalRuntimeConfig.of(
                                Map.of(),
                                new LocalRuntimeConfig.MariaDb(
                                    "127.0.0.1", 3306, Path.of("/nonexistent.sock"), "unused", "-"))
                            .withCommand("example/sleeper", List.of("sleep", "600"))
                            .withWorkDirectory(work)));
        RunClients run = new RunClients(emulator)) {
      run.services
          .createServiceAsync(
              LocationName.of(PROJECT, REGION),
              Service.newBuilder()
                  .setTemplate(
                      RevisionTemplate.newBuilder()
                          .addContainers(
                              Container.newBuilder()
                                  .setImage("example/sleeper:1")
                                  .setStartupProbe(
                                      Probe.newBuilder()
                                          .setTcpSocket(TCPSocketAction.getDefaultInstance())
                                          .setPeriodSeconds(1)
                                          .setFailureThreshold(2))))
                  .build(),
              "sleeper")
          .getInitialFuture()
          .get();
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive));
      Service service =
          await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> run.services.getService(ServiceName.of(PROJECT, REGION, "sleeper")),
                  s -> !s.getReconciling());
      assertThat(service.getTerminalCondition().getState())
          .isEqualTo(Condition.State.CONDITION_FAILED);
      assertThat(service.getTerminalCondition().getMessage())
          .contains("failed to start and listen on the port defined provided by the PORT=8080")
          .contains("within the allocated timeout");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(ProcessHandle.current().children()).noneMatch(ProcessHandle::isAlive));
    }
  }
}
