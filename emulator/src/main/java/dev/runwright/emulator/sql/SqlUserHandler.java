package dev.runwright.emulator.sql;

import com.google.api.services.sqladmin.model.User;
import com.google.api.services.sqladmin.model.UsersListResponse;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.world.Simulation;
import java.util.List;

/**
 * MySQL users of a Cloud SQL instance: insert, get, list, update (password), delete. A user is a
 * name and a host ({@code %} when none is given); passwords are stored but never returned, as on
 * Google.
 */
final class SqlUserHandler {
  private static final String USERS = "/instances/{instance}/users";
  private static final String ANY_HOST = "%";

  private final SqlStore store;
  private final Simulation sim;

  SqlUserHandler(SqlStore store, Simulation sim) {
    this.store = store;
    this.sim = sim;
  }

  void register(SqlRoutes routes) {
    routes
        .write("POST", USERS, "users.insert", this::insert)
        .read(USERS, "users.list", this::list)
        .read(USERS + "/{user}", "users.get", this::get)
        .write("PUT", USERS, "users.update", this::update)
        .write("DELETE", USERS, "users.delete", this::delete);
  }

  private ApiResponse insert(ApiRequest request, PathParams p) {
    User input = SqlJson.parse(request, User.class);
    if (input.getName() == null || input.getName().isBlank() || input.getName().length() > 32) {
      throw ApiException.invalidArgument("name", "Invalid request: user name is invalid.");
    }
    String host = input.getHost() == null || input.getHost().isEmpty() ? ANY_HOST : input.getHost();
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(p.get("project"), p.get("instance"));
      String key = input.getName() + "@" + host;
      if (stored.users.containsKey(key)) {
        throw ApiException.of(
            409,
            "ALREADY_EXISTS",
            "User '" + input.getName() + "'@'" + host + "' already exists.",
            "alreadyExists");
      }
      User user =
          new User()
              .setKind("sql#user")
              .setName(input.getName())
              .setHost(host)
              .setInstance(p.get("instance"))
              .setProject(p.get("project"))
              .setType(input.getType() == null ? "BUILT_IN" : input.getType())
              .setPassword(input.getPassword());
      return SqlJson.ok(
          store.start(
              p.get("project"),
              p.get("instance"),
              "CREATE_USER",
              sim.latencies().sqlDatabaseOrUser(),
              user));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      SqlStore.StoredInstance stored = store.require(p.get("project"), p.get("instance"));
      List<User> users =
          stored.users.values().stream().map(SqlUserHandler::withoutPassword).toList();
      UsersListResponse body = new UsersListResponse().setKind("sql#usersList");
      body.setItems(users);
      return SqlJson.ok(body);
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      SqlStore.StoredInstance stored = store.require(p.get("project"), p.get("instance"));
      return SqlJson.ok(withoutPassword(require(stored, p.get("user"), host(request))));
    }
  }

  /**
   * Users.update: the query names the user; the body carries the new password (and nothing else we
   * keep).
   */
  private ApiResponse update(ApiRequest request, PathParams p) {
    User input = SqlJson.parse(request, User.class);
    String name = request.param("name").orElseThrow(() -> missing("name"));
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(p.get("project"), p.get("instance"));
      User next = require(stored, name, host(request)).clone();
      if (input.getPassword() != null) {
        next.setPassword(input.getPassword());
      }
      return SqlJson.ok(
          store.start(
              p.get("project"),
              p.get("instance"),
              "UPDATE_USER",
              sim.latencies().sqlDatabaseOrUser(),
              next));
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String name = request.param("name").orElseThrow(() -> missing("name"));
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(p.get("project"), p.get("instance"));
      User user = require(stored, name, host(request));
      return SqlJson.ok(
          store.start(
              p.get("project"),
              p.get("instance"),
              "DELETE_USER",
              sim.latencies().sqlDatabaseOrUser(),
              new User().setName(user.getName()).setHost(user.getHost())));
    }
  }

  private static String host(ApiRequest request) {
    return request.param("host").orElse(ANY_HOST);
  }

  private static User require(SqlStore.StoredInstance stored, String name, String host) {
    User user = stored.users.get(name + "@" + host);
    if (user == null) {
      throw ApiException.notFound("User '" + name + "'@'" + host + "' does not exist.")
          .withReason("notFound");
    }
    return user;
  }

  private static User withoutPassword(User user) {
    User copy = user.clone();
    copy.setPassword(null);
    return copy;
  }

  private static ApiException missing(String parameter) {
    return ApiException.invalidArgument(parameter, "Missing required parameter: " + parameter);
  }
}
