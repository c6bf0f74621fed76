package dev.runwright.emulator.local;

import com.google.api.services.sqladmin.model.DatabaseInstance;
import dev.runwright.emulator.sql.CloudSqlBackend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloud SQL instances backed by one real MariaDB (or MySQL) server: every emulated database is a
 * real database of the same name and every emulated user a real user with its real password and the
 * broad privileges a Cloud SQL user gets; deletes are real too. All instances share the one server,
 * so their database and user names share one namespace.
 */
final class MariaDbBackend implements CloudSqlBackend {
  private final LocalRuntimeConfig.MariaDb server;
  private final Map<String, Set<String>> databases = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> users = new ConcurrentHashMap<>();

  MariaDbBackend(LocalRuntimeConfig.MariaDb server) {
    this.server = server;
  }

  @Override
  public void instanceDeleted(DatabaseInstance instance) {
    String key = instance.getName();
    for (String database : databases.getOrDefault(key, Set.of())) {
      databaseDeleted(instance, database);
    }
    for (String user : users.getOrDefault(key, Set.of())) {
      int at = user.lastIndexOf('@');
      userDeleted(instance, user.substring(0, at), user.substring(at + 1));
    }
    databases.remove(key);
    users.remove(key);
  }

  @Override
  public void databaseCreated(DatabaseInstance instance, String database) {
    execute(
        "CREATE DATABASE IF NOT EXISTS "
            + identifier(database)
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    databases.computeIfAbsent(instance.getName(), k -> ConcurrentHashMap.newKeySet()).add(database);
  }

  @Override
  public void databaseDeleted(DatabaseInstance instance, String database) {
    execute("DROP DATABASE IF EXISTS " + identifier(database));
    databases.getOrDefault(instance.getName(), Set.of()).remove(database);
  }

  @Override
  public void userSaved(DatabaseInstance instance, String name, String host, String password) {
    String account = account(name, host);
    if (password != null) {
      execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + literal(password));
      execute("ALTER USER " + account + " IDENTIFIED BY " + literal(password));
    } else {
      execute("CREATE USER IF NOT EXISTS " + account);
    }
    // Cloud SQL's built-in users may do everything on every database but administer the server.
    execute("GRANT ALL PRIVILEGES ON *.* TO " + account);
    users
        .computeIfAbsent(instance.getName(), k -> ConcurrentHashMap.newKeySet())
        .add(name + "@" + host(host));
  }

  @Override
  public void userDeleted(DatabaseInstance instance, String name, String host) {
    execute("DROP USER IF EXISTS " + account(name, host));
    users.getOrDefault(instance.getName(), Set.of()).remove(name + "@" + host(host));
  }

  private void execute(String sql) {
    Properties properties = new Properties();
    properties.setProperty("user", server.adminUser());
    properties.setProperty("password", server.adminPassword());
    properties.setProperty("connectTimeout", "5000");
    String url = "jdbc:mysql://" + server.host() + ":" + server.port() + "/";
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      // The message never contains the statement, which may carry a password.
      throw new IllegalStateException("The local MariaDB refused the change: " + e.getMessage(), e);
    }
  }

  private static String host(String host) {
    return host == null || host.isEmpty() ? "%" : host;
  }

  private static String account(String name, String host) {
    return literal(name) + "@" + literal(host(host));
  }

  private static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
