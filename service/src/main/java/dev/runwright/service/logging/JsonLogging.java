package dev.runwright.service.logging;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes all logging (JUL, and SLF4J from HikariCP and Flyway through slf4j-jdk14) to stdout as
 * Cloud Logging JSON lines. Called once from {@code Main}.
 */
public final class JsonLogging {
  /** JUL holds loggers weakly; a collected logger would forget its level. */
  private static final java.util.List<Logger> CONFIGURED = new java.util.ArrayList<>();

  private JsonLogging() {}

  public static void install(Level level) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    // stdout, not JUL's ConsoleHandler (stderr): Cloud Run files stderr lines as errors.
    Handler stdout =
        new StreamHandler(System.out, new CloudLoggingFormatter()) {
          @Override
          public synchronized void publish(java.util.logging.LogRecord record) {
            super.publish(record);
            flush();
          }
        };
    stdout.setLevel(Level.ALL);
    root.addHandler(stdout);
    // Helidon and the pool are chatty at INFO about internals that do not help operators.
    for (String quiet : new String[] {"io.helidon", "com.zaxxer.hikari", "org.flywaydb"}) {
      Logger logger = Logger.getLogger(quiet);
      logger.setLevel(Level.WARNING);
      CONFIGURED.add(logger);
    }
  }
}
