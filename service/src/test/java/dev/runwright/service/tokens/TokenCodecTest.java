package dev.runwright.service.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.runwright.service.config.ConfigException;
import dev.runwright.service.config.TokenConfig;
import dev.runwright.service.testing.MutableClock;
import dev.runwright.service.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
  private static final String ISSUER = "https://auth.example";
  private static final String AUDIENCE = "api";

  private final MutableClock clock = MutableClock.startingNow();

  private static TokenConfig config(ECKey signing, String previous) {
    return new TokenConfig(
        ISSUER,
        AUDIENCE,
        signing.toJSONString(),
        previous,
        Duration.ofMinutes(15),
        Duration.ofDays(14),
        Duration.ofSeconds(30));
  }

  private TokenCodec codec() {
    TokenConfig config = config(TestKeys.CURRENT, "{\"keys\":[]}");
    return new TokenCodec(config, SigningKeys.from(config), clock);
  }

  /** A token built by hand, starting from the claims the service would issue. */
  private String forge(ECKey key, JWSAlgorithm alg, UnaryOperator<JWTClaimsSet.Builder> claims)
      throws Exception {
    Date now = Date.from(clock.instant());
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject("42")
            .issueTime(now)
            .notBeforeTime(now)
            .expirationTime(Date.from(clock.instant().plusSeconds(600)))
            .jwtID("jti-1")
            .claim(TokenType.CLAIM, "access");
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            claims.apply(builder).build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void issuedAccessTokenVerifiesWithAllClaims() throws Exception {
    IssuedToken token = codec().issue(TokenType.ACCESS, 42, Optional.empty());
    SignedJWT parsed = SignedJWT.parse(token.value());
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(parsed.getHeader().getKeyID()).isEqualTo(TestKeys.CURRENT.getKeyID());
    assertThat(parsed.getHeader().getType().getType()).isEqualTo("at+jwt");
    JWTClaimsSet claims = parsed.getJWTClaimsSet();
    assertThat(claims.getClaims())
        .containsKeys("iss", "aud", "sub", "exp", "iat", "nbf", "jti", "token_use");
    assertThat(codec().verify(TokenType.ACCESS, token.value()).userId()).isEqualTo(42);
  }

  @Test
  void forgedTokenWithServiceClaimsVerifies() throws Exception {
    // Guards the negative tests below: they differ from this one in exactly one respect.
    assertThat(
            codec()
                .verify(TokenType.ACCESS, forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b))
                .userId())
        .isEqualTo(42);
  }

  @Test
  void algNoneIsRejected() throws Exception {
    String valid = forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b);
    SignedJWT parsed = SignedJWT.parse(valid);
    String none = new PlainJWT(parsed.getJWTClaimsSet()).serialize();
    String noneWithTyp =
        Base64URL.encode(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\""
                    + TestKeys.CURRENT.getKeyID()
                    + "\"}")
            + "."
            + parsed.getParsedParts()[1]
            + ".";
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, none))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, noneWithTyp))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void hmacSignedWithThePublicKeyIsRejected() throws Exception {
    // Algorithm confusion: HS256 keyed with the public key that anyone can fetch from the JWKS.
    byte[] publicKey =
        TestKeys.CURRENT.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(TestKeys.CURRENT.getKeyID())
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            SignedJWT.parse(forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b)).getJWTClaimsSet());
    jwt.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, 64)));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, jwt.serialize()))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void otherEcAlgorithmIsRejected() throws Exception {
    assertThatThrownBy(
            () ->
                codec()
                    .verify(TokenType.ACCESS, forge(TestKeys.CURRENT, JWSAlgorithm.ES384, b -> b)))
        .isInstanceOf(Exception.class);
  }

  @Test
  void wrongKeyIsRejected() throws Exception {
    ECKey stranger =
        new ECKey.Builder(TestKeys.STRANGER).keyID(TestKeys.CURRENT.getKeyID()).build();
    assertThatThrownBy(
            () -> codec().verify(TokenType.ACCESS, forge(stranger, JWSAlgorithm.ES256, b -> b)))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void expiredIsRejectedButSmallSkewIsAllowed() throws Exception {
    String token = codec().issue(TokenType.ACCESS, 1, Optional.empty()).value();
    clock.advance(Duration.ofMinutes(15).plusSeconds(20));
    assertThat(codec().verify(TokenType.ACCESS, token).userId()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(20));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("xpired");
  }

  @Test
  void aCachedVerificationStillExpires() throws Exception {
    TokenCodec codec = codec();
    String token = codec.issue(TokenType.ACCESS, 1, Optional.empty()).value();
    assertThat(codec.verify(TokenType.ACCESS, token).userId()).isEqualTo(1);
    assertThat(codec.verify(TokenType.ACCESS, token).userId()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(15).plusSeconds(31));
    assertThatThrownBy(() -> codec.verify(TokenType.ACCESS, token))
        .isInstanceOf(InvalidTokenException.class);
    // A tampered token never matches a cached one: the cache key is the whole signed string.
    String other = codec.issue(TokenType.ACCESS, 2, Optional.empty()).value();
    codec.verify(TokenType.ACCESS, other);
    String[] parts = other.split("\\.");
    assertThatThrownBy(() -> codec.verify(TokenType.ACCESS, parts[0] + "." + parts[1] + ".AAAA"))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void notYetValidIsRejected() throws Exception {
    String future =
        forge(
            TestKeys.CURRENT,
            JWSAlgorithm.ES256,
            b -> b.notBeforeTime(Date.from(clock.instant().plusSeconds(120))));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, future))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void wrongAudienceOrIssuerIsRejected() throws Exception {
    String aud = forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b.audience("other-api"));
    String iss = forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b.issuer("https://evil.example"));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, aud))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, iss))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void tokenWithoutKidIsRejected() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).build(),
            SignedJWT.parse(forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b)).getJWTClaimsSet());
    jwt.sign(new ECDSASigner(TestKeys.CURRENT));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, jwt.serialize()))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void missingRequiredClaimIsRejected() throws Exception {
    String noJti = forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b.jwtID(null));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, noJti))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void refreshTokenIsNeverAnAccessTokenNorTheReverse() throws Exception {
    String refresh = codec().issue(TokenType.REFRESH, 1, Optional.of("fam")).value();
    String access = codec().issue(TokenType.ACCESS, 1, Optional.empty()).value();
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, refresh))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> codec().verify(TokenType.REFRESH, access))
        .isInstanceOf(InvalidTokenException.class);
    // The claim alone also decides: an access typ header with token_use=refresh is refused.
    String mixed =
        forge(TestKeys.CURRENT, JWSAlgorithm.ES256, b -> b.claim(TokenType.CLAIM, "refresh"));
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, mixed))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void tamperedPayloadIsRejected() throws Exception {
    String[] parts = codec().issue(TokenType.ACCESS, 1, Optional.empty()).value().split("\\.");
    String payload =
        new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8)
            .replace("\"sub\":\"1\"", "\"sub\":\"2\"");
    String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, tampered))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void previousKeysStillVerifyAfterRotation() throws Exception {
    TokenConfig old = config(TestKeys.PREVIOUS, "{\"keys\":[]}");
    String issuedBeforeRotation =
        new TokenCodec(old, SigningKeys.from(old), clock)
            .issue(TokenType.ACCESS, 7, Optional.empty())
            .value();
    String previousSet = "{\"keys\":[" + TestKeys.PREVIOUS.toPublicJWK().toJSONString() + "]}";
    TokenConfig rotated = config(TestKeys.CURRENT, previousSet);
    SigningKeys keys = SigningKeys.from(rotated);
    assertThat(
            new TokenCodec(rotated, keys, clock)
                .verify(TokenType.ACCESS, issuedBeforeRotation)
                .userId())
        .isEqualTo(7);
    assertThat(keys.verificationKeys().getKeys())
        .hasSize(2)
        .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    // Without the previous key, the old token is refused.
    assertThatThrownBy(() -> codec().verify(TokenType.ACCESS, issuedBeforeRotation))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void unsuitableKeysAreRejectedAtStartWithoutShowingThem() {
    String publicOnly = TestKeys.CURRENT.toPublicJWK().toJSONString();
    assertThatThrownBy(() -> SigningKeys.from(config(TestKeys.CURRENT, "not json")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("JWT_PREVIOUS_KEYS");
    TokenConfig noPrivate =
        new TokenConfig(
            ISSUER,
            AUDIENCE,
            publicOnly,
            "{\"keys\":[]}",
            Duration.ofMinutes(1),
            Duration.ofDays(1),
            Duration.ZERO);
    assertThatThrownBy(() -> SigningKeys.from(noPrivate))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("private part");
    TokenConfig duplicateKid = config(TestKeys.CURRENT, "{\"keys\":[" + publicOnly + "]}");
    assertThatThrownBy(() -> SigningKeys.from(duplicateKid)).hasMessageContaining("distinct");
  }
}
