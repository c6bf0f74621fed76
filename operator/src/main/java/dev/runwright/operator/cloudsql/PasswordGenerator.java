package dev.runwright.operator.cloudsql;

import dev.runwright.operator.gcp.SecretValue;
import java.security.SecureRandom;

/**
 * Strong MySQL passwords: 32 characters from letters and digits (about 190 bits), no characters
 * that need quoting in a connection string or a shell.
 */
final class PasswordGenerator {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final int LENGTH = 32;

  private final SecureRandom random;

  PasswordGenerator(SecureRandom random) {
    this.random = random;
  }

  SecretValue next() {
    char[] password = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return SecretValue.ofUtf8(new String(password));
  }
}
