package dev.runwright.service;

import dev.runwright.service.config.ConfigException;
import dev.runwright.service.config.ServeConfig;
import dev.runwright.service.logging.JsonLogging;
import dev.runwright.service.logging.ShutdownSafeLogManager;
import dev.runwright.service.tokens.SigningKeys;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;

/**
 * The one artifact's commands: {@code serve}, {@code migrate} and {@code generate-key}. The only
 * place that reads the process environment.
 */
public final class Main {
  static final int EXIT_USAGE = 64;

  static {
    // Must run before anything touches logging: keeps the log handler open during shutdown hooks.
    System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
  }

  private static final System.Logger LOG = System.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    JsonLogging.install(logLevel(env.get("LOG_LEVEL")));
    String command = args.length == 0 ? "serve" : args[0];
    int exit =
        switch (command) {
          case "serve" -> serve(env);
          case "migrate" -> MigrateCommand.run(env);
          case "generate-key" -> {
            System.out.println(SigningKeys.generate().toJSONString());
            yield 0;
          }
          default -> {
            System.err.println("usage: runwright-service [serve|migrate|generate-key]");
            yield EXIT_USAGE;
          }
        };
    if (exit != 0 || !command.equals("serve")) {
      System.exit(exit);
    }
  }

  private static int serve(Map<String, String> env) {
    long started = System.nanoTime();
    ServeConfig config;
    try {
      config = ServeConfig.fromEnvironment(env);
    } catch (ConfigException e) {
      LOG.log(System.Logger.Level.ERROR, "serve: " + e.getMessage());
      return MigrateCommand.EXIT_CONFIG;
    }
    ServiceApplication app;
    try {
      app = ServiceApplication.start(config, Clock.systemUTC());
    } catch (ConfigException e) {
      // The signing keys are checked when they are parsed, after the environment was read.
      LOG.log(System.Logger.Level.ERROR, "serve: " + e.getMessage());
      return MigrateCommand.EXIT_CONFIG;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "serve: could not start", e);
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.log(System.Logger.Level.INFO, "shutting down");
                  app.close();
                  LOG.log(System.Logger.Level.INFO, "stopped");
                  ShutdownSafeLogManager.resetAfterShutdown();
                },
                "shutdown"));
    LOG.log(
        System.Logger.Level.INFO,
        "serving on port {0} (database {1}, started in {2} ms)",
        Integer.toString(app.port()),
        config.database().endpoint() + "/" + config.database().database(),
        Long.toString((System.nanoTime() - started) / 1_000_000));
    return 0;
  }

  private static Level logLevel(String value) {
    if (value == null || value.isBlank()) {
      return Level.INFO;
    }
    return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "DEBUG" -> Level.FINE;
      case "WARNING", "WARN" -> Level.WARNING;
      case "ERROR" -> Level.SEVERE;
      default -> Level.INFO;
    };
  }
}
