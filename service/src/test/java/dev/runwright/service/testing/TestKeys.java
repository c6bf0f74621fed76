package dev.runwright.service.testing;

import com.nimbusds.jose.jwk.ECKey;
import dev.runwright.service.tokens.SigningKeys;

/** Signing keys generated once per test JVM. */
public final class TestKeys {
  public static final ECKey CURRENT = SigningKeys.generate();
  public static final ECKey PREVIOUS = SigningKeys.generate();
  public static final ECKey STRANGER = SigningKeys.generate();

  private TestKeys() {}
}
