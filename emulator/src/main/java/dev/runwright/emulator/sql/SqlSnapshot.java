package dev.runwright.emulator.sql;

import com.google.api.client.json.GenericJson;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.runwright.emulator.world.JsonTrees;
import java.time.Instant;

/**
 * The Cloud SQL store as JSON: instances with databases and users (passwords too), and operations.
 */
final class SqlSnapshot {
  private SqlSnapshot() {}

  static JsonObject save(SqlStore store) {
    store.settle();
    JsonArray instances = new JsonArray();
    store.instances.forEach(
        (key, stored) -> {
          JsonObject entry = new JsonObject();
          entry.addProperty("project", key.substring(0, key.indexOf('/')));
          entry.add("instance", JsonTrees.tree(stored.instance));
          JsonArray databases = new JsonArray();
          stored.databases.values().forEach(d -> databases.add(JsonTrees.tree(d)));
          entry.add("databases", databases);
          JsonArray users = new JsonArray();
          stored.users.values().forEach(u -> users.add(JsonTrees.tree(u)));
          entry.add("users", users);
          instances.add(entry);
        });
    JsonArray operations = new JsonArray();
    store
        .operations
        .values()
        .forEach(
            op -> {
              JsonObject entry = new JsonObject();
              entry.addProperty("project", op.project);
              entry.add("operation", JsonTrees.tree(op.operation));
              entry.addProperty("doneAt", op.doneAt.toString());
              entry.addProperty("fails", op.fails);
              if (op.change != null) {
                entry.add("change", JsonTrees.tree(op.change));
              }
              operations.add(entry);
            });
    JsonObject state = new JsonObject();
    state.add("instances", instances);
    state.add("operations", operations);
    return state;
  }

  static void load(SqlStore store, JsonObject state) {
    store.clear();
    for (JsonElement element : state.getAsJsonArray("instances")) {
      JsonObject entry = element.getAsJsonObject();
      String project = entry.get("project").getAsString();
      DatabaseInstance instance = JsonTrees.model(entry.get("instance"), DatabaseInstance.class);
      SqlStore.StoredInstance stored = new SqlStore.StoredInstance(instance);
      for (JsonElement d : entry.getAsJsonArray("databases")) {
        Database database = JsonTrees.model(d, Database.class);
        stored.databases.put(database.getName(), database);
      }
      for (JsonElement u : entry.getAsJsonArray("users")) {
        User user = JsonTrees.model(u, User.class);
        stored.users.put(user.getName() + "@" + user.getHost(), user);
      }
      store.instances.put(SqlStore.key(project, instance.getName()), stored);
    }
    for (JsonElement element : state.getAsJsonArray("operations")) {
      JsonObject entry = element.getAsJsonObject();
      Operation operation = JsonTrees.model(entry.get("operation"), Operation.class);
      Class<? extends GenericJson> payload = SqlChanges.payloadType(operation.getOperationType());
      GenericJson change =
          payload != null && entry.has("change")
              ? JsonTrees.model(entry.get("change"), payload)
              : null;
      store.operations.put(
          operation.getName(),
          new SqlStore.StoredOperation(
              operation,
              entry.get("project").getAsString(),
              Instant.parse(entry.get("doneAt").getAsString()),
              change,
              entry.get("fails").getAsBoolean()));
    }
  }
}
