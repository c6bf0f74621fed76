package dev.runwright.service.config;

import java.util.Map;

/** Everything {@code migrate} needs: only the database. */
public record MigrateConfig(DatabaseConfig database) {

  /** Reads and validates; throws {@link ConfigException} listing every problem. */
  public static MigrateConfig fromEnvironment(Map<String, String> env) {
    EnvironmentReader reader = new EnvironmentReader(env);
    DatabaseConfig database = DatabaseConfig.read(reader);
    reader.failOnProblems();
    return new MigrateConfig(database);
  }
}
