package dev.runwright.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunwrightCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(RunwrightCli cli, String... args) {
    return cli.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void noCommandIsAUsageErrorListingTheCommands() {
    assertThat(run(RunwrightCli.standard())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: runwright", "validate");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run(RunwrightCli.standard(), "deploy")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'deploy'");
  }

  @Test
  void helpListsCommandsAndSucceeds() {
    assertThat(run(RunwrightCli.standard(), "--help")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("validate");
  }

  @Test
  void dispatchesToARegisteredSubcommandWithTheRemainingArguments() {
    List<String> received = new ArrayList<>();
    RunwrightCli cli =
        RunwrightCli.standard()
            .with(
                "run",
                new Subcommand() {
                  @Override
                  public String summary() {
                    return "run the operator";
                  }

                  @Override
                  public int run(List<String> args, PrintStream out, PrintStream err) {
                    received.addAll(args);
                    return 7;
                  }
                });

    assertThat(run(cli, "run", "--project", "p")).isEqualTo(7);
    assertThat(received).containsExactly("--project", "p");
  }
}
