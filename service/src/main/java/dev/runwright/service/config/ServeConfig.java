package dev.runwright.service.config;

import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code serve} needs, read once from the environment and validated as a whole.
 *
 * @param trustedProxyHops how many proxies in front of the service append to X-Forwarded-For (1 on
 *     Cloud Run); 0 means the TCP peer is the client
 * @param hashConcurrency how many Argon2id hashes may run at once (each needs about 19 MiB)
 * @param googleCloudProject the project id used to build trace names in logs, if known
 */
public record ServeConfig(
    int port,
    DatabaseConfig database,
    TokenConfig tokens,
    RateLimit accountLoginLimit,
    RateLimit clientLoginLimit,
    int hashConcurrency,
    int trustedProxyHops,
    Optional<String> googleCloudProject) {

  public static final RateLimit DEFAULT_ACCOUNT_LIMIT =
      new RateLimit(10, java.time.Duration.ofMinutes(15));
  public static final RateLimit DEFAULT_CLIENT_LIMIT =
      new RateLimit(30, java.time.Duration.ofMinutes(1));

  /** Reads and validates; throws {@link ConfigException} listing every problem. */
  public static ServeConfig fromEnvironment(Map<String, String> env) {
    EnvironmentReader reader = new EnvironmentReader(env);
    int port = reader.integer("PORT", 8080, 0, 65535);
    DatabaseConfig database = DatabaseConfig.read(reader);
    TokenConfig tokens = TokenConfig.read(reader);
    RateLimit account = RateLimit.read(reader, "LOGIN_ACCOUNT_LIMIT", DEFAULT_ACCOUNT_LIMIT);
    RateLimit client = RateLimit.read(reader, "LOGIN_CLIENT_LIMIT", DEFAULT_CLIENT_LIMIT);
    int hashes =
        reader.integer(
            "PASSWORD_HASH_CONCURRENCY",
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            1,
            64);
    // Cloud Run (which always sets K_SERVICE) puts its front end before the service: the TCP peer
    // is
    // Google's proxy, and one hop of X-Forwarded-For is the client. Without this every client would
    // share one login bucket there.
    int hops = reader.integer("TRUSTED_PROXY_HOPS", reader.isSet("K_SERVICE") ? 1 : 0, 0, 10);
    Optional<String> project = reader.optional("GOOGLE_CLOUD_PROJECT");
    reader.failOnProblems();
    return new ServeConfig(port, database, tokens, account, client, hashes, hops, project);
  }
}
