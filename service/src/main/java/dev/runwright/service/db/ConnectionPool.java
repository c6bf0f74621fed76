package dev.runwright.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.runwright.service.config.DatabaseConfig;
import dev.runwright.service.config.DatabaseEndpoint;
import java.time.Duration;

/** Builds the HikariCP pool (and plain JDBC URLs) for MySQL 8 and MariaDB over TCP or a socket. */
public final class ConnectionPool {
  private ConnectionPool() {}

  /**
   * A pool that starts without waiting for the database, so {@code serve} comes up and {@code
   * /readyz} reports the database state instead of the process crash-looping.
   */
  public static HikariDataSource open(DatabaseConfig db, String poolName) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(poolName);
    hikari.setJdbcUrl(jdbcUrl(db));
    hikari.setUsername(db.user());
    hikari.setPassword(db.password());
    hikari.setMaximumPoolSize(db.poolSize());
    hikari.setMinimumIdle(Math.min(2, db.poolSize()));
    hikari.setConnectionTimeout(db.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(1000, db.connectionTimeout().toMillis()));
    // Cloud SQL and proxies drop idle connections; recycle well before typical 10-minute limits.
    hikari.setMaxLifetime(Duration.ofMinutes(5).toMillis());
    if (hikari.getMinimumIdle() < hikari.getMaximumPoolSize()) {
      hikari.setIdleTimeout(Duration.ofMinutes(1).toMillis()); // below maxLifetime, or Hikari warns
    }
    hikari.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
    hikari.setInitializationFailTimeout(-1);
    hikari.setAutoCommit(true);
    return new HikariDataSource(hikari);
  }

  /** The Connector/J URL; unix sockets go through junixsocket's socket factory. */
  public static String jdbcUrl(DatabaseConfig db) {
    String common =
        "connectTimeout=5000&socketTimeout=30000&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true&characterEncoding=utf8"
            + "&cachePrepStmts=true&prepStmtCacheSize=64&useLocalSessionState=true"
            + "&tcpKeepAlive=true";
    return switch (db.endpoint()) {
      case DatabaseEndpoint.Tcp tcp ->
          "jdbc:mysql://"
              + hostForUrl(tcp.host())
              + ":"
              + tcp.port()
              + "/"
              + db.database()
              + "?"
              + common;
      case DatabaseEndpoint.UnixSocket socket ->
          // The host is ignored by the socket factory; the socket is the secure channel, so
          // MySQL 8's caching_sha2_password may send the password over it without TLS.
          "jdbc:mysql://localhost/"
              + db.database()
              + "?"
              + common
              + "&sslMode=DISABLED&allowPublicKeyRetrieval=true"
              + "&socketFactory=org.newsclub.net.mysql.AFUNIXDatabaseSocketFactory"
              + "&junixsocket.file="
              + java.net.URLEncoder.encode(socket.path(), java.nio.charset.StandardCharsets.UTF_8);
    };
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
