package dev.runwright.emulator.run;

import dev.runwright.emulator.http.ApiException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Cloud Run's naming rules: generated revision names are {@code <service>-<5-digit generation>-<3
 * random chars>}, execution names {@code <job>-<5 random chars>}; a caller's revision name must be
 * a DNS label prefixed by the service name and a dash.
 */
final class RevisionNames {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private final RandomGenerator random = new SecureRandom();

  String generate(String service, long generation) {
    return "%s-%05d-%s".formatted(service, generation, randomSuffix(3));
  }

  String execution(String job) {
    return job + "-" + randomSuffix(5);
  }

  static void checkCustom(String service, String revision) {
    if (!revision.startsWith(service + "-")) {
      throw ApiException.invalidArgument(
          "service.template.revision",
          "Revision name '"
              + revision
              + "' must be prefixed by the name of the enclosing Service '"
              + service
              + "' followed by a dash.");
    }
    if (!DNS_LABEL.matcher(revision).matches()) {
      throw ApiException.invalidArgument(
          "service.template.revision",
          "Revision name '"
              + revision
              + "' must be a DNS label of at most 63 lowercase letters, digits and"
              + " dashes.");
    }
  }

  static void checkResourceId(String field, String id, int maxLength) {
    if (id == null || id.length() > maxLength || !DNS_LABEL.matcher(id).matches()) {
      throw ApiException.invalidArgument(
          field,
          "Invalid "
              + field
              + " '"
              + id
              + "': must start with a letter, contain only lowercase letters,"
              + " digits and dashes, end with a letter or digit, and be at most "
              + maxLength
              + " characters.");
    }
  }

  private String randomSuffix(int length) {
    StringBuilder suffix = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }
}
