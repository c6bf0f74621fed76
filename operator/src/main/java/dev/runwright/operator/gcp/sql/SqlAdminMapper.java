package dev.runwright.operator.gcp.sql;

import com.google.api.services.sqladmin.model.BackupConfiguration;
import com.google.api.services.sqladmin.model.BackupRetentionSettings;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseFlags;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.Settings;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps Cloud SQL Admin's discovery model classes to the domain records. Only present fields are set
 * on the way out, so a patch changes exactly what the operator means to change.
 */
final class SqlAdminMapper {

  private SqlAdminMapper() {}

  static DatabaseInstance toInstance(SqlInstanceSpec spec) {
    return new DatabaseInstance()
        .setName(spec.name().instance())
        .setDatabaseVersion(spec.databaseVersion())
        .setRegion(spec.region())
        .setSettings(
            spec.labels().isEmpty()
                ? toSettings(spec.settings())
                : toSettings(spec.settings()).setUserLabels(spec.labels()));
  }

  static DatabaseInstance toPatch(SqlSettings patch, long settingsVersion) {
    Settings settings = toSettings(patch);
    if (settingsVersion > 0) {
      settings.setSettingsVersion(settingsVersion);
    }
    return new DatabaseInstance().setSettings(settings);
  }

  static Settings toSettings(SqlSettings settings) {
    Settings proto = new Settings();
    settings.tier().ifPresent(proto::setTier);
    settings.edition().ifPresent(proto::setEdition);
    settings.availabilityType().ifPresent(proto::setAvailabilityType);
    settings.dataDiskSizeGb().ifPresent(proto::setDataDiskSizeGb);
    settings.storageAutoResize().ifPresent(proto::setStorageAutoResize);
    settings.deletionProtection().ifPresent(proto::setDeletionProtectionEnabled);
    settings.storageAutoResizeLimitGb().ifPresent(proto::setStorageAutoResizeLimit);
    if (settings.backupsEnabled().isPresent()
        || settings.binaryLogEnabled().isPresent()
        || settings.backupStartTime().isPresent()
        || settings.retainedBackups().isPresent()
        || settings.transactionLogRetentionDays().isPresent()) {
      BackupConfiguration backups = new BackupConfiguration();
      settings.backupsEnabled().ifPresent(backups::setEnabled);
      settings.binaryLogEnabled().ifPresent(backups::setBinaryLogEnabled);
      settings.backupStartTime().ifPresent(backups::setStartTime);
      settings
          .retainedBackups()
          .ifPresent(
              count ->
                  backups.setBackupRetentionSettings(
                      new BackupRetentionSettings()
                          .setRetainedBackups(count)
                          .setRetentionUnit("COUNT")));
      settings.transactionLogRetentionDays().ifPresent(backups::setTransactionLogRetentionDays);
      proto.setBackupConfiguration(backups);
    }
    settings
        .databaseFlags()
        .ifPresent(
            flags ->
                proto.setDatabaseFlags(
                    flags.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new DatabaseFlags().setName(e.getKey()).setValue(e.getValue()))
                        .toList()));
    return proto;
  }

  /** The instance read under {@code name} (the response's own project field is not relied on). */
  static SqlInstance fromInstance(SqlInstanceName name, DatabaseInstance instance) {
    Settings settings = Optional.ofNullable(instance.getSettings()).orElseGet(Settings::new);
    Optional<BackupConfiguration> backups = Optional.ofNullable(settings.getBackupConfiguration());
    return new SqlInstance(
        name,
        nonNull(instance.getDatabaseVersion()),
        nonNull(instance.getRegion()),
        state(instance.getState()),
        nonNull(instance.getConnectionName()),
        new SqlSettings(
            Optional.ofNullable(settings.getTier()),
            Optional.ofNullable(settings.getEdition()),
            Optional.ofNullable(settings.getAvailabilityType()),
            Optional.ofNullable(settings.getDataDiskSizeGb()),
            Optional.ofNullable(settings.getStorageAutoResize()),
            backups.map(BackupConfiguration::getEnabled),
            backups.map(BackupConfiguration::getBinaryLogEnabled),
            backups.map(BackupConfiguration::getStartTime),
            Optional.ofNullable(settings.getDeletionProtectionEnabled()),
            Optional.of(flags(settings.getDatabaseFlags())),
            Optional.ofNullable(settings.getStorageAutoResizeLimit()),
            backups
                .map(BackupConfiguration::getBackupRetentionSettings)
                .map(BackupRetentionSettings::getRetainedBackups),
            backups.map(BackupConfiguration::getTransactionLogRetentionDays)),
        Optional.ofNullable(settings.getSettingsVersion()).orElse(0L),
        settings.getUserLabels() == null ? Map.of() : settings.getUserLabels());
  }

  private static Map<String, String> flags(Collection<DatabaseFlags> flags) {
    if (flags == null) {
      return Map.of();
    }
    return flags.stream()
        .collect(Collectors.toMap(DatabaseFlags::getName, f -> nonNull(f.getValue()), (a, b) -> b));
  }

  private static SqlInstance.State state(String state) {
    if (state == null) {
      return SqlInstance.State.UNKNOWN;
    }
    try {
      return SqlInstance.State.valueOf(state);
    } catch (IllegalArgumentException e) {
      return SqlInstance.State.UNKNOWN;
    }
  }

  static SqlDatabase fromDatabase(SqlInstanceName instance, Database database) {
    return new SqlDatabase(
        instance.database(database.getName()),
        nonNull(database.getCharset()),
        nonNull(database.getCollation()));
  }

  /** SQL operations are named by a bare id; the project comes from the call. */
  static SqlOperation fromOperation(String project, Operation operation) {
    List<SqlOperation.OperationError> errors =
        operation.getError() == null || operation.getError().getErrors() == null
            ? List.of()
            : operation.getError().getErrors().stream()
                .map(
                    e ->
                        new SqlOperation.OperationError(
                            nonNull(e.getCode()), nonNull(e.getMessage())))
                .toList();
    return new SqlOperation(
        operationName(project, operation),
        status(operation.getStatus()),
        nonNull(operation.getOperationType()),
        nonNull(operation.getTargetId()),
        errors);
  }

  static SqlOperationName operationName(String project, Operation operation) {
    String name = nonNull(operation.getName());
    Function<String, String> lastSegment = n -> n.substring(n.lastIndexOf('/') + 1);
    return new SqlOperationName(project, lastSegment.apply(name));
  }

  private static SqlOperation.Status status(String status) {
    if (status == null) {
      return SqlOperation.Status.UNKNOWN;
    }
    return switch (status) {
      case "PENDING" -> SqlOperation.Status.PENDING;
      case "RUNNING" -> SqlOperation.Status.RUNNING;
      case "DONE" -> SqlOperation.Status.DONE;
      default -> SqlOperation.Status.UNKNOWN;
    };
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
