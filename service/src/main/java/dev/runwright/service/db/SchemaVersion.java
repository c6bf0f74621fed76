package dev.runwright.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads the applied schema version from Flyway's history table without loading Flyway. */
public final class SchemaVersion {
  private SchemaVersion() {}

  /** The newest successfully applied versioned migration, or empty when none (or no table). */
  public static Optional<String> current(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      // 1146 = table does not exist: nothing was ever migrated here.
      if (e.getErrorCode() == 1146 || "42S02".equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
