package dev.runwright.operator.migration;

import dev.runwright.operator.api.migration.MigrationJobSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a MigrationJob runs migrations for: the release (spec.release, else the image reference) and
 * the retry token. Together they key exactly one execution, whose token is derived from them, so
 * the same release and token can never start a second one.
 *
 * @param retryToken empty when the user never asked for a retry
 */
record Release(String release, String retryToken) {

  /** Length of the execution token: the job name and token together stay under 63 characters. */
  static final int TOKEN_LENGTH = 12;

  Release {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(retryToken, "retryToken");
    if (release.isBlank()) {
      throw new IllegalArgumentException("a release cannot be blank");
    }
  }

  static Release of(MigrationJobSpec spec) {
    String release =
        spec.getRelease() != null && !spec.getRelease().isBlank()
            ? spec.getRelease()
            : spec.getImage();
    return new Release(release, spec.getRetryToken() == null ? "" : spec.getRetryToken());
  }

  /**
   * The Cloud Run execution token (and execution name suffix) for this release and retry token:
   * lowercase hex, so it is a valid name part whatever characters the release has.
   */
  String executionToken() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((release + "\n" + retryToken).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, TOKEN_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
