package dev.runwright.service.config;

import java.time.Duration;

/**
 * Token settings. Keys are JWK JSON: the signing key is a private EC P-256 key with a {@code kid};
 * previous keys (public is enough) stay valid for verification during rotation.
 */
public record TokenConfig(
    String issuer,
    String audience,
    String signingKeyJwk,
    String previousKeysJwkSet,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration clockSkew) {

  static TokenConfig read(EnvironmentReader reader) {
    String issuer = reader.required("JWT_ISSUER", "the iss claim, e.g. the service URL");
    String audience = reader.required("JWT_AUDIENCE", "the aud claim access tokens are issued for");
    String signingKey =
        reader
            .secret("JWT_SIGNING_KEY")
            .orElseGet(
                () -> {
                  reader.problem(
                      "JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE is not set (a private EC P-256 JWK"
                          + " with a kid; the `generate-key` command prints a new one)");
                  return null;
                });
    String previous = reader.secret("JWT_PREVIOUS_KEYS").orElse("{\"keys\":[]}");
    Duration access =
        reader.duration(
            "ACCESS_TOKEN_TTL",
            Duration.ofMinutes(15),
            Duration.ofSeconds(30),
            Duration.ofHours(24));
    Duration refresh =
        reader.duration(
            "REFRESH_TOKEN_TTL", Duration.ofDays(14), Duration.ofMinutes(5), Duration.ofDays(365));
    Duration skew =
        reader.duration(
            "JWT_CLOCK_SKEW", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(5));
    return new TokenConfig(issuer, audience, signingKey, previous, access, refresh, skew);
  }

  @Override
  public String toString() {
    return "TokenConfig[issuer="
        + issuer
        + ", audience="
        + audience
        + ", signingKey=***, accessTokenTtl="
        + accessTokenTtl
        + ", refreshTokenTtl="
        + refreshTokenTtl
        + ", clockSkew="
        + clockSkew
        + "]";
  }
}
