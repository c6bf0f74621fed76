package dev.runwright.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCommandTest {

  @Test
  void invalidConfigurationListsEveryProblemAndExitsWithUsageError() {
    var err = new ByteArrayOutputStream();
    int code =
        new RunCommand(Map.of("RUNWRIGHT_RECONCILE_CONCURRENCY", "0"))
            .run(
                List.of("--resync-interval=1s", "--log-format=xml"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(Subcommand.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("3 problems")
        .contains("--resync-interval")
        .contains("RUNWRIGHT_RECONCILE_CONCURRENCY")
        .contains("--log-format");
  }

  @Test
  void helpListsTheOptions() {
    var out = new ByteArrayOutputStream();
    int code =
        new RunCommand(Map.of())
            .run(
                List.of("--help"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--leader-election");
  }
}
