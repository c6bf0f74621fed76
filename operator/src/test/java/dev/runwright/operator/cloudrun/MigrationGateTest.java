package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobSpec;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.api.migration.MigrationPhase;
import org.junit.jupiter.api.Test;

class MigrationGateTest {

  private static MigrationJob job(String image, String release, MigrationPhase phase, String ok) {
    MigrationJob job = new MigrationJob();
    MigrationJobSpec spec = new MigrationJobSpec();
    spec.setImage(image);
    job.setSpec(spec);
    MigrationJobStatus status = new MigrationJobStatus();
    status.setRelease(release);
    status.setPhase(phase);
    status.setSucceededRelease(ok);
    job.setStatus(status);
    return job;
  }

  @Test
  void opensOnlyForTheSucceededRelease() {
    var job = job("r/jwt:2", "r/jwt:2", MigrationPhase.Running, "r/jwt:1");
    assertThat(MigrationGate.evaluate("m", job, "r/jwt:1").open()).isTrue();
    assertThat(MigrationGate.evaluate("m", job, "r/jwt:2"))
        .isInstanceOf(MigrationGate.Pending.class);
  }

  @Test
  void aFailedMigrationOfThisReleaseIsFailed() {
    var job = job("r/jwt:2", "r/jwt:2", MigrationPhase.Failed, "r/jwt:1");
    assertThat(MigrationGate.evaluate("m", job, "r/jwt:2"))
        .isInstanceOf(MigrationGate.Failed.class);
  }

  @Test
  void aJobForAnotherReleaseOrNoJobIsPending() {
    var job = job("r/jwt:3", "r/jwt:3", MigrationPhase.Failed, "r/jwt:1");
    assertThat(MigrationGate.evaluate("m", job, "r/jwt:2"))
        .isInstanceOf(MigrationGate.Pending.class)
        .extracting(g -> ((MigrationGate.Pending) g).message())
        .asString()
        .contains("r/jwt:3");
    assertThat(MigrationGate.evaluate("m", null, "r/jwt:2"))
        .isInstanceOf(MigrationGate.Pending.class);
    assertThat(MigrationGate.evaluate("m", new MigrationJob(), "r/jwt:2"))
        .isInstanceOf(MigrationGate.Pending.class);
  }

  @Test
  void noMigrationRefMeansNoGate() {
    assertThat(MigrationGate.evaluate(null, null, "r/jwt:2").open()).isTrue();
  }
}
