package dev.runwright.service.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The Flyway migrations shipped in this artifact, and the schema version this build expects. */
public final class Migrations {
  /**
   * The newest migration in {@code db/migration}; {@code /readyz} is not ready below it. A unit
   * test checks it against the files, so adding a migration without bumping it fails the build.
   */
  public static final String EXPECTED_VERSION = "2";

  public static final String LOCATION = "classpath:db/migration";

  private final DataSource dataSource;

  public Migrations(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Validates applied migrations (checksums) and applies pending ones. */
  public MigrateResult migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .validateMigrationNaming(true)
        .validateOnMigrate(true)
        .cleanDisabled(true)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
