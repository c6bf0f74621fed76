package dev.runwright.service.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts in the {@code users} table. Each call holds a pooled connection only briefly. */
public final class UserStore {
  private final DataSource dataSource;

  public UserStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public User create(String username, String passwordHash)
      throws SQLException, UsernameTakenException {
    // Whole seconds: Connector/J drops fractions when MariaDB announces itself as 5.5.5-10.x.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, username);
      insert.setString(2, passwordHash);
      insert.setTimestamp(3, Timestamp.from(now));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new User(keys.getLong(1), username, passwordHash, now);
      }
    } catch (SQLIntegrityConstraintViolationException e) {
      throw new UsernameTakenException();
    }
  }

  public Optional<User> findByUsername(String username) throws SQLException {
    return findOne(
        "SELECT id, username, password_hash, created_at FROM users WHERE username = ?", username);
  }

  public Optional<User> findById(long id) throws SQLException {
    return findOne("SELECT id, username, password_hash, created_at FROM users WHERE id = ?", id);
  }

  private Optional<User> findOne(String sql, Object key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, key);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new User(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getTimestamp(4).toInstant()));
      }
    }
  }
}
