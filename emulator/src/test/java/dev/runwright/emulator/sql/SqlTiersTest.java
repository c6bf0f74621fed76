package dev.runwright.emulator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTiersTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "db-f1-micro",
        "db-g1-small",
        "db-n1-standard-4",
        "db-custom-1-3840",
        "db-custom-2-7680"
      })
  void enterpriseTiersAreAccepted(String tier) {
    assertThatCode(() -> SqlTiers.check(tier, "MYSQL_8_0", "ENTERPRISE"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db-n1-standard-3",
        "db-custom-3-7680",
        "db-custom-2-1024",
        "db-custom-1-3841",
        "db-perf-optimized-N-2",
        "x"
      })
  void otherTiersAreRefusedForEnterprise(String tier) {
    assertThatThrownBy(() -> SqlTiers.check(tier, "MYSQL_8_0", "ENTERPRISE"))
        .hasMessageContaining("Invalid Tier (" + tier + ")");
  }

  @Test
  void enterprisePlusTakesOnlyPerformanceOptimizedTiers() {
    assertThatCode(() -> SqlTiers.check("db-perf-optimized-N-8", "MYSQL_8_4", "ENTERPRISE_PLUS"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SqlTiers.check("db-f1-micro", "MYSQL_8_4", "ENTERPRISE_PLUS"))
        .hasMessageContaining("Edition (ENTERPRISE_PLUS)");
    assertThat(SqlTiers.defaultEdition("MYSQL_8_4")).isEqualTo("ENTERPRISE_PLUS");
    assertThat(SqlTiers.defaultEdition("MYSQL_8_0")).isEqualTo("ENTERPRISE");
  }

  @Test
  void databaseVersionsAreChecked() {
    assertThatCode(() -> SqlTiers.checkDatabaseVersion("MYSQL_8_0_36")).doesNotThrowAnyException();
    assertThatThrownBy(() -> SqlTiers.checkDatabaseVersion("MYSQL_7"))
        .hasMessageContaining("MYSQL_7");
  }
}
