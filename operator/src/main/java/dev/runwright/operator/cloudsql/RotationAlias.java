package dev.runwright.operator.cloudsql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Secret Manager version alias that marks the password version made for a rotation token, so a
 * reconcile finds "the version for this token" again instead of adding another one. Tokens may
 * contain '.', which aliases may not, so the alias carries a hash of the token.
 */
final class RotationAlias {
  static final String INITIAL = "rotation-initial";

  private RotationAlias() {}

  static String forToken(String rotationToken) {
    if (rotationToken == null || rotationToken.isEmpty()) {
      return INITIAL;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(rotationToken.getBytes(StandardCharsets.UTF_8));
      return "rotation-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
