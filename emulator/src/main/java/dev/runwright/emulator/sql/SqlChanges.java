package dev.runwright.emulator.sql;

import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.User;

/**
 * What each kind of Cloud SQL operation changes when it finishes. The change travels as data (the
 * operation's payload), so pending operations survive a restart of the emulator.
 */
final class SqlChanges {
  private SqlChanges() {}

  static void apply(SqlStore store, SqlStore.StoredOperation op, CloudSqlBackend backend) {
    SqlStore.StoredInstance target =
        store.instances.get(SqlStore.key(op.project, op.operation.getTargetId()));
    if (target == null) {
      throw new IllegalStateException("instance " + op.operation.getTargetId() + " is gone");
    }
    switch (op.operation.getOperationType()) {
      case "CREATE" -> {
        backend.instanceCreated(target.instance);
        target.instance.setState("RUNNABLE");
      }
      case "UPDATE" -> {
        DatabaseInstance next = (DatabaseInstance) op.change;
        target.instance.setSettings(next.getSettings());
        target.instance.setDatabaseVersion(next.getDatabaseVersion());
      }
      case "DELETE" -> {
        backend.instanceDeleted(target.instance);
        store.instances.remove(SqlStore.key(op.project, op.operation.getTargetId()));
      }
      case "CREATE_DATABASE" -> {
        Database database = (Database) op.change;
        backend.databaseCreated(target.instance, database.getName());
        target.databases.put(database.getName(), database);
      }
      case "UPDATE_DATABASE" -> {
        Database database = (Database) op.change;
        target.databases.put(database.getName(), database);
      }
      case "DELETE_DATABASE" -> {
        Database database = (Database) op.change;
        backend.databaseDeleted(target.instance, database.getName());
        target.databases.remove(database.getName());
      }
      case "CREATE_USER", "UPDATE_USER" -> {
        User user = (User) op.change;
        backend.userSaved(target.instance, user.getName(), user.getHost(), user.getPassword());
        target.users.put(user.getName() + "@" + user.getHost(), user);
      }
      case "DELETE_USER" -> {
        User user = (User) op.change;
        backend.userDeleted(target.instance, user.getName(), user.getHost());
        target.users.remove(user.getName() + "@" + user.getHost());
      }
      default ->
          throw new IllegalStateException(
              "unknown operation type " + op.operation.getOperationType());
    }
  }

  /** The payload class of an operation type, for reading persisted operations back. */
  static Class<? extends com.google.api.client.json.GenericJson> payloadType(String operationType) {
    return switch (operationType) {
      case "UPDATE" -> DatabaseInstance.class;
      case "CREATE_DATABASE", "UPDATE_DATABASE", "DELETE_DATABASE" -> Database.class;
      case "CREATE_USER", "UPDATE_USER", "DELETE_USER" -> User.class;
      default -> null;
    };
  }
}
