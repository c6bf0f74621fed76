package dev.runwright.operator.cloudsql;

import dev.runwright.operator.gcp.sql.SqlSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A short, stable hash of the declared instance settings, published as {@code
 * status.appliedSettingsHash} once the instance has them: the same settings give the same hash in
 * every operator process (flags are hashed in name order).
 */
final class SettingsHash {

  private SettingsHash() {}

  static String of(SqlSettings settings) {
    String canonical =
        String.join(
            "|",
            String.valueOf(settings.tier()),
            String.valueOf(settings.edition()),
            String.valueOf(settings.availabilityType()),
            String.valueOf(settings.dataDiskSizeGb()),
            String.valueOf(settings.storageAutoResize()),
            String.valueOf(settings.storageAutoResizeLimitGb()),
            String.valueOf(settings.backupsEnabled()),
            String.valueOf(settings.binaryLogEnabled()),
            String.valueOf(settings.backupStartTime()),
            String.valueOf(settings.retainedBackups()),
            String.valueOf(settings.transactionLogRetentionDays()),
            String.valueOf(settings.deletionProtection()),
            String.valueOf(settings.databaseFlags().map(TreeMap<String, String>::new)));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
