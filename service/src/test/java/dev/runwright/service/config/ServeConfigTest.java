package dev.runwright.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeConfigTest {

  private static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "mysql://app:pw@db/auth");
    env.put("JWT_ISSUER", "https://auth.example");
    env.put("JWT_AUDIENCE", "api");
    env.put("JWT_SIGNING_KEY", "{}");
    return env;
  }

  @Test
  void defaults() {
    ServeConfig config = ServeConfig.fromEnvironment(valid());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.tokens().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.tokens().refreshTokenTtl()).isEqualTo(Duration.ofDays(14));
    assertThat(config.accountLoginLimit()).isEqualTo(ServeConfig.DEFAULT_ACCOUNT_LIMIT);
    assertThat(config.trustedProxyHops()).isZero();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "eighty");
    env.put("ACCESS_TOKEN_TTL", "forever");
    env.put("LOGIN_ACCOUNT_LIMIT", "lots");
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ServeConfig.fromEnvironment(env));
    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("PORT must be a whole number"))
        .anySatisfy(p -> assertThat(p).startsWith("no database configured"))
        .anySatisfy(p -> assertThat(p).startsWith("JWT_ISSUER is not set"))
        .anySatisfy(p -> assertThat(p).startsWith("JWT_AUDIENCE is not set"))
        .anySatisfy(
            p -> assertThat(p).startsWith("JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE is not set"))
        .anySatisfy(p -> assertThat(p).startsWith("ACCESS_TOKEN_TTL must be a duration"))
        .anySatisfy(p -> assertThat(p).startsWith("LOGIN_ACCOUNT_LIMIT must look like"));
    assertThat(e.getMessage()).startsWith("invalid configuration (7 problems)");
  }

  @Test
  void limitsAndDurations() {
    Map<String, String> env = valid();
    env.put("PORT", "9090");
    env.put("LOGIN_ACCOUNT_LIMIT", "5/1h");
    env.put("LOGIN_CLIENT_LIMIT", "100/30s");
    env.put("ACCESS_TOKEN_TTL", "5m");
    env.put("TRUSTED_PROXY_HOPS", "1");
    ServeConfig config = ServeConfig.fromEnvironment(env);
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.accountLoginLimit()).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
    assertThat(config.clientLoginLimit()).isEqualTo(new RateLimit(100, Duration.ofSeconds(30)));
    assertThat(config.tokens().accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.trustedProxyHops()).isEqualTo(1);
  }

  @Test
  void onCloudRunOneForwardingHopIsTrustedByDefault() {
    Map<String, String> env = valid();
    env.put("K_SERVICE", "auth");
    assertThat(ServeConfig.fromEnvironment(env).trustedProxyHops()).isEqualTo(1);
    env.put("TRUSTED_PROXY_HOPS", "2");
    assertThat(ServeConfig.fromEnvironment(env).trustedProxyHops()).isEqualTo(2);
  }

  @Test
  void secretsAreNotInToString() {
    Map<String, String> env = valid();
    env.put("JWT_SIGNING_KEY", "{\"d\":\"PRIVATE-PART\"}");
    assertThat(ServeConfig.fromEnvironment(env).toString())
        .doesNotContain("PRIVATE-PART")
        .doesNotContain(":pw@");
  }
}
