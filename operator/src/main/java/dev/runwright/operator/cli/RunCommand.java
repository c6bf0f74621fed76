package dev.runwright.operator.cli;

import dev.runwright.operator.LeanKubernetesClient;
import dev.runwright.operator.RunwrightOperator;
import dev.runwright.operator.config.ConfigOption;
import dev.runwright.operator.config.InvalidConfigurationException;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.config.OperatorConfigReader;
import dev.runwright.operator.logging.LogSetup;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * `runwright run`: reads the configuration (flags and environment, once), starts the operator and
 * runs until SIGTERM, then stops it cleanly. Exit code 2 when the configuration is invalid.
 */
public final class RunCommand implements Subcommand {
  private final Map<String, String> env;

  public RunCommand() {
    this(System.getenv());
  }

  /** With an explicit environment, for tests. */
  public RunCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String summary() {
    return "run the operator (configuration from flags and RUNWRIGHT_* variables)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("-h") || args.contains("--help")) {
      out.println("usage: runwright run [options]");
      out.println();
      out.println("options (a flag wins over its environment variable):");
      out.print(ConfigOption.usage());
      return 0;
    }
    OperatorConfig config;
    try {
      config = OperatorConfigReader.read(args, env);
    } catch (InvalidConfigurationException e) {
      err.println("error: " + e.getMessage());
      return USAGE_ERROR;
    }
    LogSetup.configure(config.logging());
    CountDownLatch stopped = new CountDownLatch(1);
    KubernetesClient client = LeanKubernetesClient.build();
    RunwrightOperator operator =
        RunwrightOperator.start(config, client, Clock.systemUTC(), () -> System.exit(1));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (client) {
                    operator.close();
                  } finally {
                    stopped.countDown();
                  }
                },
                "runwright-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
