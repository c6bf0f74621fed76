package dev.runwright.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusConditionsTest {
  private static final Clock T0 =
      Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Clock T1 =
      Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);

  @Test
  void readySetsTheKstatusTrioAndStampsObservedGeneration() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();

    StatusConditions.of(status, 3, T0).ready("Provisioned", "instance is RUNNABLE");

    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getConditions())
        .extracting(Condition::getType, Condition::getStatus, Condition::getObservedGeneration)
        .containsExactly(
            tuple("Ready", ConditionStatus.True, 3L),
            tuple("Reconciling", ConditionStatus.False, 3L),
            tuple("Stalled", ConditionStatus.False, 3L));
    assertThat(status.getConditions())
        .allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z"));
  }

  @Test
  void keepsTransitionTimeWhenOnlyReasonOrMessageChange() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions.of(status, 1, T0).reconciling("CreatingInstance", "creating");

    StatusConditions conditions =
        StatusConditions.of(status, 1, T1).reconciling("CreatingDatabase", "database next");

    Condition reconciling = conditions.find("Reconciling");
    assertThat(reconciling.getReason()).isEqualTo("CreatingDatabase");
    assertThat(reconciling.getMessage()).isEqualTo("database next");
    assertThat(reconciling.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void movesTransitionTimeWhenStatusFlips() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions.of(status, 1, T0).reconciling("CreatingInstance", "creating");

    StatusConditions conditions = StatusConditions.of(status, 2, T1).stalled("InvalidTier", "no");

    assertThat(conditions.find("Stalled").getLastTransitionTime())
        .isEqualTo("2026-01-01T11:00:00Z");
    assertThat(conditions.find("Reconciling").getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(conditions.find("Reconciling").getLastTransitionTime())
        .isEqualTo("2026-01-01T11:00:00Z");
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void reapplyingTheSameOutcomeLeavesStatusUnchanged() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions.of(status, 4, T0)
        .ready("Provisioned", "ok")
        .set("UserReady", ConditionStatus.True, "PasswordStored", "version 1");
    CloudSqlDatabaseStatus before = StatusPatch.snapshot(status);

    StatusConditions.of(status, 4, T1)
        .ready("Provisioned", "ok")
        .set("UserReady", ConditionStatus.True, "PasswordStored", "version 1");

    assertThat(StatusPatch.changed(before, status)).isFalse();
  }

  @Test
  void aDifferentMessageIsAStatusChange() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions.of(status, 1, T0).reconciling("CreatingInstance", "creating");
    CloudSqlDatabaseStatus before = StatusPatch.snapshot(status);

    StatusConditions.of(status, 1, T0).reconciling("CreatingInstance", "still creating");

    assertThat(StatusPatch.changed(before, status)).isTrue();
  }

  @Test
  void removesDomainConditions() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions conditions =
        StatusConditions.of(status, 1, T0)
            .set("MigrationSucceeded", ConditionStatus.True, "Succeeded", "done");

    conditions.remove("MigrationSucceeded");

    assertThat(conditions.find("MigrationSucceeded")).isNull();
  }

  @Test
  void refusesReasonsThatAreNotCamelCase() {
    StatusConditions conditions = StatusConditions.of(new CloudSqlDatabaseStatus(), 1, T0);

    assertThatThrownBy(() -> conditions.ready("not camel", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason must be CamelCase");
    assertThatThrownBy(() -> conditions.set("ready", ConditionStatus.True, "Ok", "x"))
        .hasMessageContaining("condition type must be CamelCase");
  }

  @Test
  void capsLongMessages() {
    StatusConditions conditions = StatusConditions.of(new CloudSqlDatabaseStatus(), 1, T0);

    conditions.stalled("GoogleRejected", "x".repeat(5000));

    assertThat(conditions.find("Stalled").getMessage()).hasSize(1024).endsWith("...");
  }

  @Test
  void retryingSaysReconcilingUnlessTheResourceIsReady() {
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions conditions = StatusConditions.of(status, 1, T0);

    conditions.retrying("RetryingAfterError", "503 from Google");

    assertThat(conditions.find("Reconciling").getStatus()).isEqualTo(ConditionStatus.True);
    assertThat(conditions.find("Reconciling").getMessage())
        .isEqualTo("503 from Google (retrying with backoff)");

    conditions.ready("Provisioned", "ok").retrying("RetryingAfterError", "one failed read");

    assertThat(conditions.find("Ready").getStatus()).isEqualTo(ConditionStatus.True);
    assertThat(conditions.find("Ready").getReason()).isEqualTo("Provisioned");
  }

  @Test
  void knowsWhetherTheSameStallWasAlreadyReported() {
    CloudSqlDatabaseStatus before = new CloudSqlDatabaseStatus();
    StatusConditions.of(before, 1, T0).stalled("InvalidTier", "tier db-x is unknown");

    assertThat(StatusConditions.wasStalledWith(before, "InvalidTier", "tier db-x is unknown"))
        .isTrue();
    assertThat(StatusConditions.wasStalledWith(before, "InvalidTier", "another message")).isFalse();
    assertThat(StatusConditions.wasStalledWith(null, "InvalidTier", "tier db-x is unknown"))
        .isFalse();
  }
}
