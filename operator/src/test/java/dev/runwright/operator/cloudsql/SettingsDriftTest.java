package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.BackupSpec;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.StorageSpec;
import dev.runwright.operator.gcp.sql.SqlSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsDriftTest {

  private static InstanceSpec spec() {
    var spec = new InstanceSpec();
    spec.setName("db");
    spec.setTier("db-f1-micro");
    return spec;
  }

  private static SqlSettings actual() {
    return SqlSettings.none()
        .withTier("db-f1-micro")
        .withDeletionProtection(true)
        .withBackups(false, false, Optional.empty());
  }

  @Test
  void nothingDiffersMeansAnEmptyPatch() {
    assertThat(SettingsDrift.patch(DesiredInstance.settings(spec()), actual()).isEmpty()).isTrue();
  }

  @Test
  void deletionProtectionIsDeclaredOnByDefault() {
    assertThat(DesiredInstance.settings(spec()).deletionProtection()).contains(true);
    var off = spec();
    off.setDeletionProtection(false);
    SqlSettings patch = SettingsDrift.patch(DesiredInstance.settings(off), actual());
    assertThat(patch).isEqualTo(SqlSettings.none().withDeletionProtection(false));
  }

  @Test
  void onlyDeclaredFieldsAreCompared() {
    SqlSettings foreign =
        new SqlSettings(
            Optional.of("db-f1-micro"),
            Optional.of("ENTERPRISE"),
            Optional.of("REGIONAL"),
            Optional.of(100L),
            Optional.of(false),
            Optional.of(true),
            Optional.of(true),
            Optional.of("04:00"),
            Optional.of(true),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(SettingsDrift.patch(DesiredInstance.settings(spec()), foreign).isEmpty()).isTrue();
  }

  @Test
  void tierDriftIsOneField() {
    SqlSettings patch =
        SettingsDrift.patch(DesiredInstance.settings(spec()), actual().withTier("db-g1-small"));
    assertThat(patch).isEqualTo(SqlSettings.none().withTier("db-f1-micro"));
    assertThat(SettingsDrift.fieldNames(patch)).containsExactly("tier=db-f1-micro");
  }

  @Test
  void storageThatGrewIsNotDrift() {
    var spec = spec();
    var storage = new StorageSpec();
    storage.setSizeGb(20);
    spec.setStorage(storage);
    SqlSettings grown =
        new SqlSettings(
            Optional.of("db-f1-micro"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(35L),
            Optional.of(true),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(true),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(SettingsDrift.patch(DesiredInstance.settings(spec), grown).isEmpty()).isTrue();
    SqlSettings small =
        new SqlSettings(
            Optional.of("db-f1-micro"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(10L),
            Optional.of(true),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(true),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(SettingsDrift.patch(DesiredInstance.settings(spec), small).dataDiskSizeGb())
        .contains(20L);
  }

  @Test
  void aBackupChangeSendsTheWholeBackupConfiguration() {
    var spec = spec();
    var backups = new BackupSpec();
    backups.setEnabled(true);
    spec.setBackups(backups);
    SqlSettings withBinaryLog = actual().withBackups(false, true, Optional.of("03:00"));
    SqlSettings patch = SettingsDrift.patch(DesiredInstance.settings(spec), withBinaryLog);
    assertThat(patch.backupsEnabled()).contains(true);
    assertThat(patch.binaryLogEnabled()).contains(true);
    assertThat(patch.backupStartTime()).contains("03:00");
    assertThat(patch.tier()).isEmpty();
  }

  @Test
  void retentionAndGrowthLimitAreDeclaredAndCorrected() {
    var spec = spec();
    var storage = new StorageSpec();
    storage.setAutoResizeLimitGb(100);
    spec.setStorage(storage);
    var backups = new BackupSpec();
    backups.setEnabled(true);
    backups.setRetainedBackups(14);
    spec.setBackups(backups);
    SqlSettings declared = DesiredInstance.settings(spec);
    assertThat(declared.storageAutoResizeLimitGb()).contains(100L);
    assertThat(declared.retainedBackups()).contains(14);
    SqlSettings patch =
        SettingsDrift.patch(declared, actual().withBackups(true, true, Optional.of("02:00")));
    assertThat(patch.storageAutoResizeLimitGb()).contains(100L);
    assertThat(patch.retainedBackups()).contains(14);
    assertThat(patch.backupsEnabled()).contains(true);
    assertThat(patch.binaryLogEnabled()).contains(true);
    assertThat(SettingsDrift.fieldNames(patch)).contains("backups.retainedBackups=14");
  }

  @Test
  void onlyDeclaredFlagsAreCorrectedAndOthersKept() {
    var spec = spec();
    var flag = new dev.runwright.operator.api.cloudsql.DatabaseFlag();
    flag.setName("max_connections");
    flag.setValue("200");
    spec.setDatabaseFlags(java.util.List.of(flag));
    SqlSettings same =
        actual().withDatabaseFlags(java.util.Map.of("max_connections", "200", "other", "1"));
    assertThat(SettingsDrift.patch(DesiredInstance.settings(spec), same).isEmpty()).isTrue();
    SqlSettings drifted =
        actual().withDatabaseFlags(java.util.Map.of("max_connections", "100", "other", "1"));
    assertThat(SettingsDrift.patch(DesiredInstance.settings(spec), drifted).databaseFlags())
        .contains(java.util.Map.of("max_connections", "200", "other", "1"));
  }
}
