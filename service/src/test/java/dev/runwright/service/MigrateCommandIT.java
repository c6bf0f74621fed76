package dev.runwright.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.service.testing.TestDatabase;
import dev.runwright.service.testing.TestDatabase.Transport;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrateCommandIT {
  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private static int migrate(Map<String, String> env) {
    return MigrateCommand.run(env);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void migratesAnEmptyDatabaseAndRerunningIsANoOp(Transport transport) throws Exception {
    assertThat(migrate(db.databaseUrlEnv(transport))).isZero();
    assertThat(tables()).contains("users", "refresh_tokens", "flyway_schema_history");
    assertThat(historyRows()).isEqualTo(2);
    assertThat(migrate(db.dbVariablesEnv(transport))).isZero();
    assertThat(historyRows()).isEqualTo(2);
  }

  @Test
  void anEditedAppliedMigrationIsDetected() throws Exception {
    assertThat(migrate(db.databaseUrlEnv(Transport.TCP))).isZero();
    // What Flyway sees when someone edits V1 after it was applied: a different checksum.
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    }
    assertThat(migrate(db.databaseUrlEnv(Transport.TCP))).isEqualTo(MigrateCommand.EXIT_FAILED);
  }

  @Test
  void unreachableDatabaseHasItsOwnExitCode() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertThat(migrate(Map.of("DATABASE_URL", "mysql://u:p@127.0.0.1:" + closedPort + "/x")))
        .isEqualTo(MigrateCommand.EXIT_UNREACHABLE);
  }

  @Test
  void invalidConfigurationHasItsOwnExitCode() {
    assertThat(migrate(Map.of("DATABASE_URL", "mysql://u:p@/cloudsql/p:r:i/db")))
        .isEqualTo(MigrateCommand.EXIT_CONFIG);
    assertThat(migrate(Map.of())).isEqualTo(MigrateCommand.EXIT_CONFIG);
  }

  private List<String> tables() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rows = c.getMetaData().getTables(db.name(), null, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private int historyRows() throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
      r.next();
      return r.getInt(1);
    }
  }
}
