package dev.runwright.operator.cloudsql;

import dev.runwright.operator.api.cloudsql.BackupSpec;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.StorageSpec;
import dev.runwright.operator.gcp.sql.SqlSettings;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps {@code spec.instance} to the Cloud SQL settings the operator declares. Only what the spec
 * declares is set (Google's defaults apply to the rest, and drift correction leaves the rest
 * alone); deletion protection is always declared, on unless the spec turns it off.
 */
final class DesiredInstance {

  private DesiredInstance() {}

  static SqlSettings settings(InstanceSpec spec) {
    Optional<BackupSpec> backups = Optional.ofNullable(spec.getBackups());
    Optional<StorageSpec> storage = Optional.ofNullable(spec.getStorage());
    return new SqlSettings(
        Optional.ofNullable(spec.getTier()),
        Optional.ofNullable(spec.getEdition()).map(Enum::name),
        Optional.ofNullable(spec.getAvailabilityType()).map(Enum::name),
        storage.map(StorageSpec::getSizeGb).map(Integer::longValue),
        storage.map(StorageSpec::getAutoResize),
        backups.map(BackupSpec::getEnabled),
        backups.map(BackupSpec::getPointInTimeRecovery),
        backups.map(BackupSpec::getStartTime),
        Optional.of(deletionProtection(spec)),
        flags(spec),
        storage.map(StorageSpec::getAutoResizeLimitGb).map(Integer::longValue),
        backups.map(BackupSpec::getRetainedBackups),
        backups.map(BackupSpec::getTransactionLogRetentionDays));
  }

  private static Optional<Map<String, String>> flags(InstanceSpec spec) {
    if (spec.getDatabaseFlags() == null || spec.getDatabaseFlags().isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> flags = new TreeMap<>();
    spec.getDatabaseFlags().forEach(flag -> flags.put(flag.getName(), flag.getValue()));
    return Optional.of(flags);
  }

  /** The one deletion-protection switch, on by default. */
  static boolean deletionProtection(InstanceSpec spec) {
    return !Boolean.FALSE.equals(spec.getDeletionProtection());
  }
}
