package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {
  private static final Map<String, String> DB_ENV =
      Map.of(
          "RUNWRIGHT_DB_HOST", "127.0.0.1",
          "RUNWRIGHT_DB_PORT", "3307",
          "RUNWRIGHT_DB_SOCKET", "/tmp/db.sock",
          "RUNWRIGHT_DB_ADMIN_USER", "admin",
          "RUNWRIGHT_DB_ADMIN_PASSWORD", "secret");

  @Test
  void withoutLocalRuntimeTheEmulatorIsApiOnly() {
    EmulatorConfig config = EmulatorMain.parse(new String[] {"--port", "0"}, DB_ENV);
    assertThat(config.port()).isZero();
    assertThat(config.localRuntime()).isNull();
  }

  @Test
  void localRuntimeTakesImagesAndTheDatabaseFromFlagsOverTheEnvironment() {
    EmulatorConfig config =
        EmulatorMain.parse(
            new String[] {
              "--local-runtime",
              "--image",
              "runwright/jwt-service=service/target/jib-image.tar",
              "--db-port",
              "4000",
              "--work-dir",
              "target/run",
              "--command",
              "example/app=sh -c  true"
            },
            DB_ENV);
    assertThat(config.localRuntime().images())
        .containsEntry("runwright/jwt-service", Path.of("service/target/jib-image.tar"));
    assertThat(config.localRuntime().commands())
        .containsEntry("example/app", java.util.List.of("sh", "-c", "true"));
    assertThat(config.localRuntime().database().port()).isEqualTo(4000);
    assertThat(config.localRuntime().database().host()).isEqualTo("127.0.0.1");
    assertThat(config.localRuntime().workDirectory()).isEqualTo(Path.of("target/run"));
    assertThat(config.localRuntime().database().toString()).doesNotContain("secret");
  }

  @Test
  void everyMissingLocalRuntimeSettingIsReportedAtOnce() {
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--local-runtime"}, Map.of()))
        .hasMessageContaining("--db-host")
        .hasMessageContaining("--db-admin-password")
        .hasMessageContaining("--image");
  }
}
