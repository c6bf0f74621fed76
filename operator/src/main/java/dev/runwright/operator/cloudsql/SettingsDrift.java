package dev.runwright.operator.cloudsql;

import dev.runwright.operator.gcp.sql.SqlSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The patch that brings an instance's settings to the declared ones, touching only declared fields.
 * Empty when nothing differs, so a converged instance costs no write.
 */
final class SettingsDrift {

  private SettingsDrift() {}

  static SqlSettings patch(SqlSettings declared, SqlSettings actual) {
    SqlSettings plain = declared.differencesFrom(actual);
    // Cloud SQL grows storage on its own and never shrinks it: only a size below the declared
    // one is drift.
    Optional<Long> disk =
        declared
            .dataDiskSizeGb()
            .filter(size -> actual.dataDiskSizeGb().map(current -> current < size).orElse(true));
    boolean backupsDiffer =
        plain.backupsEnabled().isPresent()
            || plain.binaryLogEnabled().isPresent()
            || plain.backupStartTime().isPresent()
            || plain.retainedBackups().isPresent()
            || plain.transactionLogRetentionDays().isPresent();
    // The backup configuration is one nested object: send it whole (declared over actual), so
    // a patch never drops an undeclared backup setting.
    return new SqlSettings(
        plain.tier(),
        plain.edition(),
        plain.availabilityType(),
        disk,
        plain.storageAutoResize(),
        backupsDiffer ? declared.backupsEnabled().or(actual::backupsEnabled) : Optional.empty(),
        backupsDiffer ? declared.binaryLogEnabled().or(actual::binaryLogEnabled) : Optional.empty(),
        backupsDiffer ? declared.backupStartTime().or(actual::backupStartTime) : Optional.empty(),
        plain.deletionProtection(),
        flags(declared, actual),
        plain.storageAutoResizeLimitGb(),
        backupsDiffer ? declared.retainedBackups().or(actual::retainedBackups) : Optional.empty(),
        backupsDiffer
            ? declared.transactionLogRetentionDays().or(actual::transactionLogRetentionDays)
            : Optional.empty());
  }

  /**
   * Cloud SQL replaces the flag list as a whole: when a declared flag differs, send the instance's
   * flags with the declared ones laid over them, so flags set by others stay.
   */
  private static Optional<Map<String, String>> flags(SqlSettings declared, SqlSettings actual) {
    if (declared.databaseFlags().isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> current = actual.databaseFlags().orElse(Map.of());
    Map<String, String> wanted = declared.databaseFlags().get();
    boolean differs =
        wanted.entrySet().stream().anyMatch(e -> !e.getValue().equals(current.get(e.getKey())));
    if (!differs) {
      return Optional.empty();
    }
    Map<String, String> merged = new TreeMap<>(current);
    merged.putAll(wanted);
    return Optional.of(merged);
  }

  /** The settings names in a patch, for Events and messages (values are not secret either). */
  static List<String> fieldNames(SqlSettings patch) {
    List<String> names = new ArrayList<>();
    patch.tier().ifPresent(v -> names.add("tier=" + v));
    patch.edition().ifPresent(v -> names.add("edition=" + v));
    patch.availabilityType().ifPresent(v -> names.add("availabilityType=" + v));
    patch.dataDiskSizeGb().ifPresent(v -> names.add("dataDiskSizeGb=" + v));
    patch.storageAutoResize().ifPresent(v -> names.add("storageAutoResize=" + v));
    patch.backupsEnabled().ifPresent(v -> names.add("backups.enabled=" + v));
    patch.binaryLogEnabled().ifPresent(v -> names.add("backups.binaryLogEnabled=" + v));
    patch.backupStartTime().ifPresent(v -> names.add("backups.startTime=" + v));
    patch.deletionProtection().ifPresent(v -> names.add("deletionProtectionEnabled=" + v));
    patch.databaseFlags().ifPresent(v -> names.add("databaseFlags=" + v));
    patch.storageAutoResizeLimitGb().ifPresent(v -> names.add("storageAutoResizeLimit=" + v));
    patch.retainedBackups().ifPresent(v -> names.add("backups.retainedBackups=" + v));
    patch
        .transactionLogRetentionDays()
        .ifPresent(v -> names.add("backups.transactionLogRetentionDays=" + v));
    return names;
  }
}
