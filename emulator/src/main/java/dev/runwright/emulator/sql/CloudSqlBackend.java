package dev.runwright.emulator.sql;

import com.google.api.services.sqladmin.model.DatabaseInstance;

/**
 * What a finished Cloud SQL operation does beyond the emulator's own records: nothing by default;
 * local mode applies it to a real MySQL or MariaDB. A method that throws fails the operation with
 * the exception's message.
 */
public interface CloudSqlBackend {
  default void instanceCreated(DatabaseInstance instance) {}

  default void instanceDeleted(DatabaseInstance instance) {}

  default void databaseCreated(DatabaseInstance instance, String database) {}

  default void databaseDeleted(DatabaseInstance instance, String database) {}

  /**
   * A user was created or its password changed; {@code password} may be null when it did not
   * change.
   */
  default void userSaved(DatabaseInstance instance, String name, String host, String password) {}

  default void userDeleted(DatabaseInstance instance, String name, String host) {}

  /** Records only: the API-only emulator. */
  static CloudSqlBackend none() {
    return new CloudSqlBackend() {};
  }
}
