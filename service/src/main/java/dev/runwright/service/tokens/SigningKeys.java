package dev.runwright.service.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.runwright.service.config.TokenConfig;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The current signing key (ES256, private) and the public keys that verify tokens: the current one
 * plus previous ones kept during a rotation, published at {@code /.well-known/jwks.json}.
 */
public final class SigningKeys {
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

  private final ECKey signingKey;
  private final JWKSet verificationKeys;

  private SigningKeys(ECKey signingKey, JWKSet verificationKeys) {
    this.signingKey = signingKey;
    this.verificationKeys = verificationKeys;
  }

  /** Parses and checks the configured keys; messages never include key material. */
  public static SigningKeys from(TokenConfig config) {
    List<String> problems = new ArrayList<>();
    ECKey current = null;
    try {
      JWK jwk = JWK.parse(config.signingKeyJwk());
      if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
        problems.add("JWT_SIGNING_KEY must be an EC P-256 JWK (kty EC, crv P-256) for ES256");
      } else if (!ec.isPrivate()) {
        problems.add("JWT_SIGNING_KEY must contain the private part (d)");
      } else if (ec.getKeyID() == null || ec.getKeyID().isBlank()) {
        problems.add("JWT_SIGNING_KEY must have a kid");
      } else {
        current = ec;
      }
    } catch (ParseException e) {
      problems.add("JWT_SIGNING_KEY is not a valid JWK (JSON)");
    }
    List<JWK> keys = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    if (current != null) {
      keys.add(publicOnly(current));
      kids.add(current.getKeyID());
    }
    try {
      for (JWK previous : JWKSet.parse(config.previousKeysJwkSet()).getKeys()) {
        if (!(previous instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
          problems.add("JWT_PREVIOUS_KEYS may only hold EC P-256 keys");
        } else if (ec.getKeyID() == null || !kids.add(ec.getKeyID())) {
          problems.add("JWT_PREVIOUS_KEYS keys need a kid distinct from all other keys");
        } else {
          keys.add(publicOnly(ec));
        }
      }
    } catch (ParseException e) {
      problems.add("JWT_PREVIOUS_KEYS is not a valid JWK Set ({\"keys\":[...]})");
    }
    if (!problems.isEmpty()) {
      throw new dev.runwright.service.config.ConfigException(problems);
    }
    return new SigningKeys(current, new JWKSet(keys));
  }

  /** A fresh private key with a random kid, as {@code generate-key} prints it. */
  public static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(ALGORITHM)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public ECKey signingKey() {
    return signingKey;
  }

  /** Public keys only. */
  public JWKSet verificationKeys() {
    return verificationKeys;
  }

  private static ECKey publicOnly(ECKey key) {
    return new ECKey.Builder(key.toPublicJWK())
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(ALGORITHM)
        .keyID(key.getKeyID())
        .build();
  }
}
