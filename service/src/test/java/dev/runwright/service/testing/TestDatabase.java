package dev.runwright.service.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database on the throwaway MariaDB started by {@code scripts/test.sh}, dropped
 * afterwards. Fails (never skips) when the RUNWRIGHT_DB_* variables are missing.
 */
public final class TestDatabase implements AutoCloseable {
  /** How the service reaches the database. */
  public enum Transport {
    TCP,
    UNIX_SOCKET
  }

  private final String host;
  private final int port;
  private final String socket;
  private final String user;
  private final String password;
  private final String name;

  private TestDatabase(
      String host, int port, String socket, String user, String password, String name) {
    this.host = host;
    this.port = port;
    this.socket = socket;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  public static TestDatabase create() {
    String host = required("RUNWRIGHT_DB_HOST");
    int port = Integer.parseInt(required("RUNWRIGHT_DB_PORT"));
    String socket = required("RUNWRIGHT_DB_SOCKET");
    String user = required("RUNWRIGHT_DB_ADMIN_USER");
    String password = required("RUNWRIGHT_DB_ADMIN_PASSWORD");
    String name =
        "rw_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    TestDatabase db = new TestDatabase(host, port, socket, user, password, name);
    db.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    return db;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** Environment for the service, reaching this database as a DATABASE_URL. */
  public Map<String, String> databaseUrlEnv(Transport transport) {
    Map<String, String> env = new HashMap<>();
    env.put(
        "DATABASE_URL",
        switch (transport) {
          case TCP -> "mysql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
          case UNIX_SOCKET ->
              "mysql://" + user + ":" + password + "@/" + name + "?unix_socket=" + socket;
        });
    return env;
  }

  /** Environment for the service, reaching this database through the DB_* variables. */
  public Map<String, String> dbVariablesEnv(Transport transport) {
    Map<String, String> env = new HashMap<>();
    if (transport == Transport.TCP) {
      env.put("DB_HOST", host);
      env.put("DB_PORT", Integer.toString(port));
    } else {
      env.put("DB_SOCKET", socket);
    }
    env.put("DB_NAME", name);
    env.put("DB_USER", user);
    env.put("DB_PASSWORD", password);
    return env;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://" + host + ":" + port + "/" + name + "?connectionTimeZone=UTC",
        user,
        password);
  }

  public void execute(String sql) {
    try (Connection c =
            DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/", user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql, e);
    }
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name);
  }

  private static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          variable
              + " is not set. Database tests need the throwaway MariaDB: run `make test`, or"
              + " `scripts/mariadb.sh start target/mariadb && source target/mariadb/env` first.");
    }
    return value;
  }
}
