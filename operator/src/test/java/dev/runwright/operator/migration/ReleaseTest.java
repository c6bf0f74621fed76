package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.migration.MigrationJob;
import org.junit.jupiter.api.Test;

class ReleaseTest {

  @Test
  void theImageIsTheReleaseUnlessOneIsDeclared() {
    MigrationJob job = Fixtures.migrationJob("runwright/jwt-service:1.0.0");
    assertThat(Release.of(job.getSpec())).isEqualTo(new Release("runwright/jwt-service:1.0.0", ""));

    job.getSpec().setRelease("2026.03.1");
    job.getSpec().setRetryToken("again");
    assertThat(Release.of(job.getSpec())).isEqualTo(new Release("2026.03.1", "again"));
  }

  @Test
  void theExecutionTokenIsStableShortLowercaseHex() {
    Release release = new Release("runwright/jwt-service@sha256:" + "a".repeat(64), "");

    assertThat(release.executionToken())
        .isEqualTo(release.executionToken())
        .hasSize(Release.TOKEN_LENGTH)
        .matches("[0-9a-f]+");
  }

  @Test
  void aNewReleaseOrRetryTokenGivesANewToken() {
    Release first = new Release("1.0.0", "");

    assertThat(new Release("1.0.1", "").executionToken()).isNotEqualTo(first.executionToken());
    assertThat(new Release("1.0.0", "1").executionToken()).isNotEqualTo(first.executionToken());
    // The separator keeps release and token apart: ("1.0.01", "") is not ("1.0.0", "1").
    assertThat(new Release("1.0.01", "").executionToken())
        .isNotEqualTo(new Release("1.0.0", "1").executionToken());
  }
}
