package dev.runwright.service.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.runwright.service.config.TokenConfig;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs and verifies access and refresh tokens. Verification accepts only ES256 with a known {@code
 * kid} (so no {@code none}, no HMAC-with-public-key confusion), the expected {@code typ}, issuer,
 * audience and {@code token_use}, and requires every standard claim.
 */
public final class TokenCodec {
  static final String FAMILY_CLAIM = "fam";

  private final TokenConfig config;
  private final SigningKeys keys;
  private final JWSSigner signer;
  private final Clock clock;
  private final VerifiedTokenCache verifiedAccessTokens;
  private final Map<TokenType, DefaultJWTProcessor<SecurityContext>> processors =
      new EnumMap<>(TokenType.class);

  public TokenCodec(TokenConfig config, SigningKeys keys, Clock clock) {
    this.config = config;
    this.keys = keys;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(keys.signingKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing key unusable", e);
    }
    for (TokenType type : TokenType.values()) {
      processors.put(type, processor(type));
    }
    this.verifiedAccessTokens = new VerifiedTokenCache(clock, config.clockSkew());
  }

  public IssuedToken issue(TokenType type, long userId, Optional<String> familyId) {
    Instant now = clock.instant();
    Instant expires =
        now.plus(type == TokenType.ACCESS ? config.accessTokenTtl() : config.refreshTokenTtl());
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(config.issuer())
            .audience(config.audience())
            .subject(Long.toString(userId))
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(jti)
            .claim(TokenType.CLAIM, type.claimValue());
    familyId.ifPresent(f -> claims.claim(FAMILY_CLAIM, f));
    JWSHeader header =
        new JWSHeader.Builder(SigningKeys.ALGORITHM)
            .keyID(keys.signingKey().getKeyID())
            .type(type.joseType())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
    return new IssuedToken(jwt.serialize(), jti, expires);
  }

  public VerifiedToken verify(TokenType type, String token) throws InvalidTokenException {
    if (type == TokenType.ACCESS) {
      Optional<VerifiedToken> cached = verifiedAccessTokens.get(token);
      if (cached.isPresent()) {
        return cached.get();
      }
      VerifiedToken verified = verifyUncached(type, token);
      verifiedAccessTokens.put(token, verified);
      return verified;
    }
    // Refresh tokens are used once each; caching them would only take memory.
    return verifyUncached(type, token);
  }

  private VerifiedToken verifyUncached(TokenType type, String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processors.get(type).process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidTokenException(e.getMessage());
    }
    long userId;
    try {
      userId = Long.parseLong(claims.getSubject());
    } catch (NumberFormatException e) {
      throw new InvalidTokenException("sub is not a user id");
    }
    Optional<String> family;
    try {
      family = Optional.ofNullable(claims.getStringClaim(FAMILY_CLAIM));
    } catch (ParseException e) {
      throw new InvalidTokenException("fam is not a string");
    }
    if (type == TokenType.REFRESH && family.isEmpty()) {
      throw new InvalidTokenException("refresh token without family");
    }
    return new VerifiedToken(
        userId, claims.getJWTID(), family, claims.getExpirationTime().toInstant());
  }

  private DefaultJWTProcessor<SecurityContext> processor(TokenType type) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type.joseType()));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            SigningKeys.ALGORITHM, new ImmutableJWKSet<>(keys.verificationKeys())) {
          @Override
          public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context)
              throws KeySourceException {
            // Our tokens always name their key; without a kid nimbus would try every key.
            return header.getKeyID() == null ? List.of() : super.selectJWSKeys(header, context);
          }
        });
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(config.audience()),
            new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .claim(TokenType.CLAIM, type.claimValue())
                .build(),
            Set.of("sub", "exp", "iat", "nbf", "jti"),
            Set.of()) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) Duration.ofSeconds(config.clockSkew().toSeconds()).toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }
}
