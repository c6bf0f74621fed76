package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.GooglePatterns;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.gcp.run.JobName;
import org.junit.jupiter.api.Test;

class JobIdentityTest {

  @Test
  void theJobIsNamedAfterNamespaceAndName() {
    JobIdentity id = JobIdentity.resolve(Fixtures.migrationJob("app:1"), "acme-prod", "asia-east1");

    assertThat(id.job()).isEqualTo(new JobName("acme-prod", "asia-east1", "shop-jwt-migrate"));
  }

  @Test
  void theRecordedJobWinsOverProjectAndRegion() {
    MigrationJob job = Fixtures.migrationJob("app:1");
    MigrationJobStatus status = new MigrationJobStatus();
    ExternalRef ref = new ExternalRef();
    ref.setName("projects/old-project/locations/europe-west1/jobs/kept");
    status.setExternalRef(ref);
    job.setStatus(status);

    assertThat(JobIdentity.resolve(job, "acme-prod", "asia-east1").job())
        .isEqualTo(JobName.parse("projects/old-project/locations/europe-west1/jobs/kept"));
  }

  @Test
  void longOrOddNamesBecomeValidDistinctJobIds() {
    String a =
        JobIdentity.jobId("team-payments-production", "jwt-service.migrations-" + "x".repeat(60));
    String b =
        JobIdentity.jobId("team-payments-production", "jwt-service.migrations-" + "x".repeat(61));
    String digitFirst = JobIdentity.jobId("1st", "m");

    assertThat(a)
        .hasSizeLessThanOrEqualTo(JobIdentity.MAX_JOB_ID)
        .matches(GooglePatterns.CLOUD_RUN_NAME);
    assertThat(b).hasSizeLessThanOrEqualTo(JobIdentity.MAX_JOB_ID).isNotEqualTo(a);
    assertThat(digitFirst).matches(GooglePatterns.CLOUD_RUN_NAME);
  }

  @Test
  void jobNameAndExecutionTokenStayUnder63Characters() {
    MigrationJob job = Fixtures.migrationJob("app:1");
    job.getMetadata().setName("m".repeat(200));
    JobIdentity id = JobIdentity.resolve(job, "acme-prod", "asia-east1");

    String execution = id.executionFor(new Release("1.0.0", "")).execution();

    assertThat(execution).hasSizeLessThan(63).startsWith(id.job().job() + "-");
  }
}
