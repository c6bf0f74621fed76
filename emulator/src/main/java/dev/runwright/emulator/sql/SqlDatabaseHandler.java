package dev.runwright.emulator.sql;

import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabasesListResponse;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.world.Simulation;
import java.util.ArrayList;
import java.util.Objects;
import java.util.regex.Pattern;

/** Databases inside a Cloud SQL instance: insert, get, list, patch, delete. */
final class SqlDatabaseHandler {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$-]{1,64}");
  private static final String DATABASE = "/instances/{instance}/databases/{database}";

  private final SqlStore store;
  private final Simulation sim;

  SqlDatabaseHandler(SqlStore store, Simulation sim) {
    this.store = store;
    this.sim = sim;
  }

  void register(SqlRoutes routes) {
    routes
        .write("POST", "/instances/{instance}/databases", "databases.insert", this::insert)
        .read("/instances/{instance}/databases", "databases.list", this::list)
        .read(DATABASE, "databases.get", this::get)
        .write("PATCH", DATABASE, "databases.patch", this::patch)
        .write("DELETE", DATABASE, "databases.delete", this::delete);
  }

  private ApiResponse insert(ApiRequest request, PathParams p) {
    String project = p.get("project");
    String instance = p.get("instance");
    Database input = SqlJson.parse(request, Database.class);
    if (input.getName() == null || !NAME.matcher(input.getName()).matches()) {
      throw ApiException.invalidArgument(
          "name", "Invalid request: database name (" + input.getName() + ") is invalid.");
    }
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(project, instance);
      if (stored.databases.containsKey(input.getName())) {
        throw ApiException.of(
            409,
            "ALREADY_EXISTS",
            "Database \"" + input.getName() + "\" already exists on instance " + instance + ".",
            "alreadyExists");
      }
      Database database =
          new Database()
              .setKind("sql#database")
              .setName(input.getName())
              .setInstance(instance)
              .setProject(project)
              .setCharset(Objects.requireNonNullElse(input.getCharset(), "utf8mb4"))
              .setCollation(Objects.requireNonNullElse(input.getCollation(), "utf8mb4_0900_ai_ci"));
      return SqlJson.ok(
          store.start(
              project, instance, "CREATE_DATABASE", sim.latencies().sqlDatabaseOrUser(), database));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      SqlStore.StoredInstance stored = store.require(p.get("project"), p.get("instance"));
      DatabasesListResponse body = new DatabasesListResponse().setKind("sql#databasesList");
      body.setItems(new ArrayList<>(stored.databases.values()));
      return SqlJson.ok(body);
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return SqlJson.ok(require(store.require(p.get("project"), p.get("instance")), p));
    }
  }

  private ApiResponse patch(ApiRequest request, PathParams p) {
    Database input = SqlJson.parse(request, Database.class);
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(p.get("project"), p.get("instance"));
      Database next = require(stored, p).clone();
      if (input.getCharset() != null) {
        next.setCharset(input.getCharset());
      }
      if (input.getCollation() != null) {
        next.setCollation(input.getCollation());
      }
      return SqlJson.ok(
          store.start(
              p.get("project"),
              p.get("instance"),
              "UPDATE_DATABASE",
              sim.latencies().sqlDatabaseOrUser(),
              next));
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(p.get("project"), p.get("instance"));
      String name = require(stored, p).getName();
      return SqlJson.ok(
          store.start(
              p.get("project"),
              p.get("instance"),
              "DELETE_DATABASE",
              sim.latencies().sqlDatabaseOrUser(),
              new Database().setName(name)));
    }
  }

  private static Database require(SqlStore.StoredInstance stored, PathParams p) {
    Database database = stored.databases.get(p.get("database"));
    if (database == null) {
      throw ApiException.notFound("Database \"" + p.get("database") + "\" does not exist.")
          .withReason("notFound");
    }
    return database;
  }
}
