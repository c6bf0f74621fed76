package dev.runwright.service.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the database, from {@code DATABASE_URL} or the {@code DB_*} variables.
 *
 * @param poolSize the most connections this process opens
 * @param connectionTimeout how long a request waits for a free connection before answering 503
 */
public record DatabaseConfig(
    DatabaseEndpoint endpoint,
    String database,
    String user,
    String password,
    int poolSize,
    Duration connectionTimeout) {

  /** Cloud Run's default concurrency is 80; small Cloud SQL tiers allow few connections. */
  static final int DEFAULT_POOL_SIZE = 10;

  static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  /** Reads the database settings, adding every problem to {@code reader}; null when invalid. */
  public static DatabaseConfig read(EnvironmentReader reader) {
    int poolSize = reader.integer("DB_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 200);
    Duration timeout =
        reader.duration(
            "DB_CONNECTION_TIMEOUT",
            DEFAULT_CONNECTION_TIMEOUT,
            Duration.ofMillis(250),
            Duration.ofSeconds(30));
    Optional<String> url = reader.optional("DATABASE_URL");
    boolean anyDbVariable =
        reader.isSet("DB_HOST")
            || reader.isSet("DB_SOCKET")
            || reader.isSet("INSTANCE_UNIX_SOCKET")
            || reader.isSet("DB_NAME")
            || reader.isSet("DB_USER");
    if (url.isPresent() && anyDbVariable) {
      reader.problem(
          "set either DATABASE_URL or the DB_* variables (DB_HOST or DB_SOCKET, DB_NAME, DB_USER,"
              + " DB_PASSWORD or DB_PASSWORD_FILE), not both");
      return null;
    }
    Optional<String> password = reader.secret("DB_PASSWORD");
    if (url.isPresent()) {
      DatabaseUrl.Parsed parsed = DatabaseUrl.parse(url.get(), reader);
      if (parsed == null) {
        return null;
      }
      if (parsed.password().isPresent() && password.isPresent()) {
        reader.problem(
            "DATABASE_URL contains a password and DB_PASSWORD/DB_PASSWORD_FILE is set too; keep one");
        return null;
      }
      String effectivePassword = parsed.password().or(() -> password).orElse("");
      return new DatabaseConfig(
          parsed.endpoint(),
          parsed.database(),
          parsed.user(),
          effectivePassword,
          poolSize,
          timeout);
    }
    if (!anyDbVariable) {
      reader.problem(
          "no database configured: set DATABASE_URL (e.g. mysql://USER:PASSWORD@HOST:3306/DB or"
              + " mysql://USER:PASSWORD@/DB?unix_socket=/cloudsql/PROJECT:REGION:INSTANCE) or DB_HOST"
              + " (or DB_SOCKET), DB_NAME, DB_USER and DB_PASSWORD (or DB_PASSWORD_FILE)");
      return null;
    }
    Optional<String> socket =
        reader.optional("DB_SOCKET").or(() -> reader.optional("INSTANCE_UNIX_SOCKET"));
    Optional<String> host = reader.optional("DB_HOST");
    DatabaseEndpoint endpoint = null;
    if (socket.isPresent() && host.isPresent()) {
      reader.problem("set only one of DB_HOST (TCP) and DB_SOCKET (unix socket)");
    } else if (socket.isPresent()) {
      if (!socket.get().startsWith("/")) {
        reader.problem("DB_SOCKET must be an absolute path, got '" + socket.get() + "'");
      } else {
        endpoint = new DatabaseEndpoint.UnixSocket(socket.get());
      }
    } else if (host.isPresent()) {
      endpoint = new DatabaseEndpoint.Tcp(host.get(), reader.integer("DB_PORT", 3306, 1, 65535));
    } else {
      reader.problem("DB_HOST or DB_SOCKET is not set (where the database listens)");
    }
    String name = reader.required("DB_NAME", "the database (schema) name");
    String user = reader.required("DB_USER", "the database user");
    if (password.isEmpty()) {
      reader.problem("DB_PASSWORD or DB_PASSWORD_FILE is not set (the database user's password)");
    }
    if (endpoint == null || name == null || user == null || password.isEmpty()) {
      return null;
    }
    return new DatabaseConfig(endpoint, name, user, password.get(), poolSize, timeout);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "DatabaseConfig[endpoint="
        + endpoint
        + ", database="
        + database
        + ", user="
        + user
        + ", password=***, poolSize="
        + poolSize
        + ", connectionTimeout="
        + connectionTimeout
        + "]";
  }
}
