package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.reconcile.OperationPolling;
import dev.runwright.operator.reconcile.OwnerLabels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pure rules: polling, rotation aliases, owner labels, passwords. */
class SmallRulesTest {

  @Test
  void pollingIsNeverTightAndNeverLazy() {
    assertThat(OperationPolling.nextPoll(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    assertThat(OperationPolling.nextPoll(Duration.ofSeconds(-5))).isEqualTo(Duration.ofSeconds(1));
    assertThat(OperationPolling.nextPoll(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(10));
    assertThat(OperationPolling.nextPoll(Duration.ofMinutes(20))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void rotationAliasesAreStableValidAndDistinct() {
    assertThat(RotationAlias.forToken(null)).isEqualTo("rotation-initial");
    assertThat(RotationAlias.forToken("")).isEqualTo("rotation-initial");
    String a = RotationAlias.forToken("2026.11.25");
    assertThat(a).matches("[a-z][a-z0-9-]{1,62}").isEqualTo(RotationAlias.forToken("2026.11.25"));
    assertThat(a).isNotEqualTo(RotationAlias.forToken("2026-11-25"));
  }

  @Test
  void ownerLabelsNameTheResourceAsGoogleLabelValues() {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(new ObjectMetaBuilder().withName("a.b").withNamespace("team").build());
    Map<String, String> labels = OwnerLabels.of(resource);
    assertThat(labels)
        .containsEntry("runwright-name", "a_b")
        .containsEntry("runwright-namespace", "team");
    assertThat(OwnerLabels.ownedBy(labels, resource)).isTrue();
    var other = new CloudSqlDatabase();
    other.setMetadata(new ObjectMetaBuilder().withName("a.b").withNamespace("other").build());
    assertThat(OwnerLabels.ownedBy(labels, other)).isFalse();
    assertThat(OwnerLabels.value("x".repeat(100))).hasSize(63);
  }

  @Test
  void passwordsAreLongAlphanumericAndDifferent() {
    var generator = new PasswordGenerator(new SecureRandom());
    var seen = new HashSet<String>();
    for (int i = 0; i < 50; i++) {
      String password = generator.next().utf8();
      assertThat(password).matches("[A-Za-z0-9]{32}");
      seen.add(password);
    }
    assertThat(seen).hasSize(50);
    assertThat(generator.next().toString()).doesNotContain(generator.next().utf8());
  }

  @Test
  void settingsHashIsStableAndChangesWithTheSettings() {
    var a =
        dev.runwright.operator.gcp.sql.SqlSettings.none()
            .withTier("db-f1-micro")
            .withDatabaseFlags(Map.of("a", "1", "b", "2", "c", "3"));
    var b =
        dev.runwright.operator.gcp.sql.SqlSettings.none()
            .withTier("db-f1-micro")
            .withDatabaseFlags(Map.of("c", "3", "b", "2", "a", "1"));
    assertThat(SettingsHash.of(a)).isEqualTo(SettingsHash.of(b)).hasSize(16);
    assertThat(SettingsHash.of(a.withTier("db-g1-small"))).isNotEqualTo(SettingsHash.of(a));
  }
}
