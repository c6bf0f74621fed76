package dev.runwright.operator.gcp.sql;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The instance settings the operator manages. Every field is optional: on create an empty one takes
 * Google's default, on patch an empty one is left as it is, so drift correction touches only what
 * the spec declares.
 *
 * @param tier machine type, e.g. {@code db-f1-micro}, {@code db-custom-1-3840}
 * @param edition {@code ENTERPRISE} or {@code ENTERPRISE_PLUS}
 * @param availabilityType {@code ZONAL} or {@code REGIONAL}
 * @param backupStartTime {@code HH:MM} in UTC
 * @param databaseFlags MySQL flags; when present, the complete set (Cloud SQL replaces the list as
 *     a whole)
 * @param storageAutoResizeLimitGb upper bound of automatic storage growth; 0 means no limit
 * @param retainedBackups automated backups kept (retention unit COUNT)
 * @param transactionLogRetentionDays days of binary logs kept for point-in-time recovery
 */
public record SqlSettings(
    Optional<String> tier,
    Optional<String> edition,
    Optional<String> availabilityType,
    Optional<Long> dataDiskSizeGb,
    Optional<Boolean> storageAutoResize,
    Optional<Boolean> backupsEnabled,
    Optional<Boolean> binaryLogEnabled,
    Optional<String> backupStartTime,
    Optional<Boolean> deletionProtection,
    Optional<Map<String, String>> databaseFlags,
    Optional<Long> storageAutoResizeLimitGb,
    Optional<Integer> retainedBackups,
    Optional<Integer> transactionLogRetentionDays) {

  public SqlSettings {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(availabilityType, "availabilityType");
    Objects.requireNonNull(dataDiskSizeGb, "dataDiskSizeGb");
    Objects.requireNonNull(storageAutoResize, "storageAutoResize");
    Objects.requireNonNull(backupsEnabled, "backupsEnabled");
    Objects.requireNonNull(binaryLogEnabled, "binaryLogEnabled");
    Objects.requireNonNull(backupStartTime, "backupStartTime");
    Objects.requireNonNull(deletionProtection, "deletionProtection");
    databaseFlags = databaseFlags.map(Map::copyOf);
    Objects.requireNonNull(storageAutoResizeLimitGb, "storageAutoResizeLimitGb");
    Objects.requireNonNull(retainedBackups, "retainedBackups");
    Objects.requireNonNull(transactionLogRetentionDays, "transactionLogRetentionDays");
  }

  public static SqlSettings none() {
    return new SqlSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public SqlSettings withTier(String value) {
    return new SqlSettings(
        Optional.of(value),
        edition,
        availabilityType,
        dataDiskSizeGb,
        storageAutoResize,
        backupsEnabled,
        binaryLogEnabled,
        backupStartTime,
        deletionProtection,
        databaseFlags,
        storageAutoResizeLimitGb,
        retainedBackups,
        transactionLogRetentionDays);
  }

  public SqlSettings withDeletionProtection(boolean value) {
    return new SqlSettings(
        tier,
        edition,
        availabilityType,
        dataDiskSizeGb,
        storageAutoResize,
        backupsEnabled,
        binaryLogEnabled,
        backupStartTime,
        Optional.of(value),
        databaseFlags,
        storageAutoResizeLimitGb,
        retainedBackups,
        transactionLogRetentionDays);
  }

  public SqlSettings withBackups(boolean enabled, boolean binaryLog, Optional<String> startTime) {
    return new SqlSettings(
        tier,
        edition,
        availabilityType,
        dataDiskSizeGb,
        storageAutoResize,
        Optional.of(enabled),
        Optional.of(binaryLog),
        startTime,
        deletionProtection,
        databaseFlags,
        storageAutoResizeLimitGb,
        retainedBackups,
        transactionLogRetentionDays);
  }

  public SqlSettings withDatabaseFlags(Map<String, String> flags) {
    return new SqlSettings(
        tier,
        edition,
        availabilityType,
        dataDiskSizeGb,
        storageAutoResize,
        backupsEnabled,
        binaryLogEnabled,
        backupStartTime,
        deletionProtection,
        Optional.of(flags),
        storageAutoResizeLimitGb,
        retainedBackups,
        transactionLogRetentionDays);
  }

  /**
   * The declared settings that {@code actual} does not have, as a patch; {@link #isEmpty()} when
   * nothing differs, so a converged instance costs no write.
   */
  public SqlSettings differencesFrom(SqlSettings actual) {
    return new SqlSettings(
        differ(tier, actual.tier),
        differ(edition, actual.edition),
        differ(availabilityType, actual.availabilityType),
        differ(dataDiskSizeGb, actual.dataDiskSizeGb),
        differ(storageAutoResize, actual.storageAutoResize),
        differ(backupsEnabled, actual.backupsEnabled),
        differ(binaryLogEnabled, actual.binaryLogEnabled),
        differ(backupStartTime, actual.backupStartTime),
        differ(deletionProtection, actual.deletionProtection),
        differ(databaseFlags, actual.databaseFlags),
        differ(storageAutoResizeLimitGb, actual.storageAutoResizeLimitGb),
        differ(retainedBackups, actual.retainedBackups),
        differ(transactionLogRetentionDays, actual.transactionLogRetentionDays));
  }

  public boolean isEmpty() {
    return equals(none());
  }

  private static <T> Optional<T> differ(Optional<T> declared, Optional<T> actual) {
    return declared.filter(value -> !Optional.of(value).equals(actual));
  }
}
