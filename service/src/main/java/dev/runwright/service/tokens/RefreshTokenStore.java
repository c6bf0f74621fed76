package dev.runwright.service.tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Refresh token state in {@code refresh_tokens}. Rotation runs in one transaction with the old row
 * locked, so two concurrent uses of the same token cannot both succeed: the second one sees it
 * rotated and revokes the family.
 */
public final class RefreshTokenStore {
  static final String ACTIVE = "active";
  static final String ROTATED = "rotated";
  static final String REVOKED = "revoked";

  /** What happened to a presented refresh token. */
  public enum Outcome {
    ROTATED,
    REUSE_DETECTED,
    REVOKED_OR_UNKNOWN
  }

  private final DataSource dataSource;

  public RefreshTokenStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void insert(IssuedToken token, String familyId, long userId, Instant issuedAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      insert(c, token, familyId, userId, issuedAt);
    }
  }

  /**
   * Marks {@code presented} rotated and stores {@code next} in its family, if {@code presented} is
   * still active. A rotated token presented again revokes its whole family.
   */
  public Outcome rotate(VerifiedToken presented, IssuedToken next, Instant now)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<String> status = lockStatus(c, presented.jti(), presented.userId());
        Outcome outcome;
        if (status.isEmpty() || status.get().equals(REVOKED)) {
          outcome = Outcome.REVOKED_OR_UNKNOWN;
        } else if (status.get().equals(ROTATED)) {
          revokeFamily(c, presented.familyId().orElseThrow());
          outcome = Outcome.REUSE_DETECTED;
        } else {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE refresh_tokens SET status = ? WHERE jti = ?")) {
            update.setString(1, ROTATED);
            update.setString(2, presented.jti());
            update.executeUpdate();
          }
          insert(c, next, presented.familyId().orElseThrow(), presented.userId(), now);
          outcome = Outcome.ROTATED;
        }
        c.commit();
        return outcome;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Revokes every token of the family; true if the presented token was known. */
  public boolean revokeFamilyOf(VerifiedToken presented) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement select =
          c.prepareStatement("SELECT 1 FROM refresh_tokens WHERE jti = ? AND user_id = ?")) {
        select.setString(1, presented.jti());
        select.setLong(2, presented.userId());
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return false;
          }
        }
      }
      revokeFamily(c, presented.familyId().orElseThrow());
      return true;
    }
  }

  private static Optional<String> lockStatus(Connection c, String jti, long userId)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT status FROM refresh_tokens WHERE jti = ? AND user_id = ? FOR UPDATE")) {
      select.setString(1, jti);
      select.setLong(2, userId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }

  private static void revokeFamily(Connection c, String familyId) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE refresh_tokens SET status = ? WHERE family_id = ? AND status <> ?")) {
      update.setString(1, REVOKED);
      update.setString(2, familyId);
      update.setString(3, REVOKED);
      update.executeUpdate();
    }
  }

  private static void insert(
      Connection c, IssuedToken token, String familyId, long userId, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO refresh_tokens (jti, family_id, user_id, status, issued_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, token.jti());
      insert.setString(2, familyId);
      insert.setLong(3, userId);
      insert.setString(4, ACTIVE);
      insert.setTimestamp(5, Timestamp.from(now));
      insert.setTimestamp(6, Timestamp.from(token.expiresAt()));
      insert.executeUpdate();
    }
  }
}
