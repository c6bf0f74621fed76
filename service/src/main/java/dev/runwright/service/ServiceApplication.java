package dev.runwright.service;

import com.zaxxer.hikari.HikariDataSource;
import dev.runwright.service.auth.AuthenticationService;
import dev.runwright.service.config.ServeConfig;
import dev.runwright.service.db.ConnectionPool;
import dev.runwright.service.http.AccessLogFilter;
import dev.runwright.service.http.AuthRoutes;
import dev.runwright.service.http.ClientAddress;
import dev.runwright.service.http.DocsRoutes;
import dev.runwright.service.http.ErrorResponses;
import dev.runwright.service.http.HealthRoutes;
import dev.runwright.service.http.JwksRoutes;
import dev.runwright.service.passwords.Argon2idHasher;
import dev.runwright.service.passwords.PasswordPolicy;
import dev.runwright.service.ratelimit.TokenBucketLimiter;
import dev.runwright.service.tokens.RefreshTokenStore;
import dev.runwright.service.tokens.SigningKeys;
import dev.runwright.service.tokens.TokenCodec;
import dev.runwright.service.users.UserStore;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.time.Duration;

/** The running HTTP service: composes the parts from a validated {@link ServeConfig}. */
public final class ServiceApplication implements AutoCloseable {
  /** Cloud Run sends SIGTERM and kills 10 s later; in-flight requests get most of that. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(7);

  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final long HASH_WAIT_MILLIS = 5_000;

  private final HikariDataSource pool;
  private final WebServer server;

  private ServiceApplication(HikariDataSource pool, WebServer server) {
    this.pool = pool;
    this.server = server;
  }

  /** Starts listening; the database may still be down (then {@code /readyz} says so). */
  public static ServiceApplication start(ServeConfig config, Clock clock) {
    SigningKeys keys = SigningKeys.from(config.tokens());
    HikariDataSource pool = ConnectionPool.open(config.database(), "service");
    // Connect while the rest starts, so the first /readyz (Cloud Run's startup probe) and the first
    // request do not pay for the handshake; a failure here is left for /readyz to report.
    Thread.ofVirtual()
        .name("database-warm-up")
        .start(
            () -> {
              try (java.sql.Connection ignored = pool.getConnection()) {
                // only the connection is wanted
              } catch (java.sql.SQLException | RuntimeException e) {
                // reported by /readyz
              }
            });
    try {
      AuthenticationService auth =
          new AuthenticationService(
              new UserStore(pool),
              new RefreshTokenStore(pool),
              new TokenCodec(config.tokens(), keys, clock),
              new Argon2idHasher(config.hashConcurrency(), HASH_WAIT_MILLIS),
              PasswordPolicy.withBundledList(),
              new TokenBucketLimiter(config.accountLoginLimit(), clock),
              new TokenBucketLimiter(config.clientLoginLimit(), clock),
              clock);
      ClientAddress clients = new ClientAddress(config.trustedProxyHops());
      WebServer server =
          WebServer.builder()
              .host("0.0.0.0")
              .port(config.port())
              .maxPayloadSize(MAX_BODY_BYTES)
              .shutdownGracePeriod(SHUTDOWN_GRACE)
              .shutdownHook(false)
              .routing(
                  routing -> {
                    routing.addFilter(new AccessLogFilter(config.googleCloudProject()));
                    ErrorResponses.register(routing);
                    routing
                        .register(new HealthRoutes(pool))
                        .register("/.well-known", new JwksRoutes(keys))
                        .register(new DocsRoutes())
                        .register("/api/v1", new AuthRoutes(auth, clients, clock))
                        .any(ErrorResponses::notFound);
                  })
              .build()
              .start();
      return new ServiceApplication(pool, server);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  /** Stops accepting, lets in-flight requests finish within the grace period, closes the pool. */
  @Override
  public void close() {
    server.stop();
    pool.close();
  }
}
