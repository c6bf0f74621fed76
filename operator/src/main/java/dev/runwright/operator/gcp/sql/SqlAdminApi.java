package dev.runwright.operator.gcp.sql;

import dev.runwright.operator.gcp.SecretValue;
import java.util.Optional;

/**
 * The operator's port to the Cloud SQL Admin API v1. Writes return the operation they started and
 * never wait for it (instance creation takes minutes): keep its name and read it with {@link
 * #getOperation}. Every method throws a {@link dev.runwright.operator.gcp.GoogleApiException}
 * subtype on failure; a write while another operation runs on the instance fails with {@link
 * dev.runwright.operator.gcp.ConflictException}.
 */
public interface SqlAdminApi {

  Optional<SqlInstance> findInstance(SqlInstanceName name);

  /**
   * @throws dev.runwright.operator.gcp.AlreadyExistsException if an instance of that name exists
   *     (or existed recently: Cloud SQL keeps names reserved for a while after deletion)
   */
  SqlOperationName createInstance(SqlInstanceSpec spec);

  /**
   * Changes only the settings present in {@code patch}.
   *
   * @param settingsVersion the instance's settings version as read, so a concurrent change fails
   */
  SqlOperationName patchInstance(SqlInstanceName name, SqlSettings patch, long settingsVersion);

  /** Deletes the instance; empty if it was already gone. */
  Optional<SqlOperationName> deleteInstance(SqlInstanceName name);

  Optional<SqlDatabase> findDatabase(SqlDatabaseName name);

  SqlOperationName createDatabase(SqlDatabaseName name, String charset, String collation);

  Optional<SqlOperationName> deleteDatabase(SqlDatabaseName name);

  /** Whether the user exists (Cloud SQL never returns passwords). */
  boolean userExists(SqlUserName name);

  SqlOperationName createUser(SqlUserName name, SecretValue password);

  SqlOperationName setUserPassword(SqlUserName name, SecretValue password);

  Optional<SqlOperationName> deleteUser(SqlUserName name);

  /** Reads an operation started earlier (also by a previous operator process). */
  SqlOperation getOperation(SqlOperationName name);
}
