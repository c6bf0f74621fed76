package dev.runwright.service;

import com.zaxxer.hikari.HikariDataSource;
import dev.runwright.service.config.ConfigException;
import dev.runwright.service.config.DatabaseConfig;
import dev.runwright.service.config.MigrateConfig;
import dev.runwright.service.db.ConnectionPool;
import dev.runwright.service.db.Migrations;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code migrate}: applies the Flyway migrations and prints one summary line. Exit codes (the
 * MigrationJob relies on them): 0 migrated or already current, 1 a migration failed or an applied
 * one was edited, 2 the configuration is invalid, 3 the database is unreachable.
 */
final class MigrateCommand {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_CONFIG = 2;
  static final int EXIT_UNREACHABLE = 3;

  private static final System.Logger LOG = System.getLogger(MigrateCommand.class.getName());

  private MigrateCommand() {}

  static int run(Map<String, String> env) {
    DatabaseConfig db;
    try {
      db = MigrateConfig.fromEnvironment(env).database();
    } catch (ConfigException e) {
      LOG.log(System.Logger.Level.ERROR, "migrate: " + e.getMessage());
      return EXIT_CONFIG;
    }
    DatabaseConfig single =
        new DatabaseConfig(
            db.endpoint(),
            db.database(),
            db.user(),
            db.password(),
            1,
            java.time.Duration.ofSeconds(10));
    long start = System.nanoTime();
    try (HikariDataSource pool = ConnectionPool.open(single, "migrate")) {
      MigrateResult result = new Migrations(pool).migrate();
      long millis = (System.nanoTime() - start) / 1_000_000;
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion;
      LOG.log(
          System.Logger.Level.INFO,
          "migrate: database {0} at {1} is at schema version {2}; applied {3} migration(s) in {4} ms",
          db.database(),
          db.endpoint().toString(),
          version,
          Integer.toString(result.migrationsExecuted),
          Long.toString(millis));
      return EXIT_OK;
    } catch (RuntimeException e) {
      if (unreachable(e)) {
        LOG.log(
            System.Logger.Level.ERROR,
            "migrate: database unreachable at " + db.endpoint() + ": " + rootMessage(e));
        return EXIT_UNREACHABLE;
      }
      LOG.log(System.Logger.Level.ERROR, "migrate: failed: " + e.getMessage().strip());
      return EXIT_FAILED;
    }
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
