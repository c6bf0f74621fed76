package dev.runwright.service.passwords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B style rules: length 8..128 characters, no very common password, not the username.
 * No composition rules (they make passwords worse, not stronger).
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /** Loads the shipped list of common passwords ({@code common-passwords.txt}). */
  public static PasswordPolicy withBundledList() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#!comment:") && !line.isBlank()) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PasswordPolicy(words);
  }

  /** Why the password is not acceptable, or empty if it is. */
  public Optional<String> check(String username, String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("password must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("password must be at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      return Optional.of("password is too common; choose a less guessable one");
    }
    if (lower.equals(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password must not be the username");
    }
    return Optional.empty();
  }

  public int size() {
    return common.size();
  }
}
