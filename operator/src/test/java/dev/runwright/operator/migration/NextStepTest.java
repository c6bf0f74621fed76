package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.migration.MigrationExecution;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.api.migration.MigrationPhase;
import org.junit.jupiter.api.Test;

class NextStepTest {
  private static final Release V1 = new Release("1.0.0", "");
  private static final Release V2 = new Release("2.0.0", "");

  @Test
  void aNewResourceStartsItsRelease() {
    assertThat(NextStep.decide(V1, null)).isEqualTo(new NextStep.Start(V1));
    assertThat(NextStep.decide(V1, new MigrationJobStatus())).isEqualTo(new NextStep.Start(V1));
  }

  @Test
  void aRunningExecutionOfTheReleaseIsFollowedNeverStartedAgain() {
    MigrationJobStatus status = status(V1, MigrationPhase.Running);

    assertThat(NextStep.decide(V1, status))
        .isEqualTo(new NextStep.Follow(status.getExecution(), true));
  }

  @Test
  void aFinishedReleaseIsSettledOnResync() {
    assertThat(NextStep.decide(V1, status(V1, MigrationPhase.Succeeded)))
        .isEqualTo(new NextStep.Settled(MigrationPhase.Succeeded));
    assertThat(NextStep.decide(V1, status(V1, MigrationPhase.Failed)))
        .isEqualTo(new NextStep.Settled(MigrationPhase.Failed));
  }

  @Test
  void aFailedReleaseRunsAgainOnlyForANewRetryToken() {
    Release retried = new Release("1.0.0", "try-2");

    assertThat(NextStep.decide(retried, status(V1, MigrationPhase.Failed)))
        .isEqualTo(new NextStep.Start(retried));
  }

  @Test
  void aSucceededReleaseIsNotRunAgainForANewRetryToken() {
    MigrationJobStatus status = status(V1, MigrationPhase.Succeeded);
    status.setSucceededRelease("1.0.0");

    assertThat(NextStep.decide(new Release("1.0.0", "try-2"), status))
        .isEqualTo(new NextStep.Settled(MigrationPhase.Succeeded));
  }

  @Test
  void aNewReleaseStartsOnceTheEarlierExecutionFinished() {
    MigrationJobStatus status = status(V1, MigrationPhase.Succeeded);
    status.setSucceededRelease("1.0.0");

    assertThat(NextStep.decide(V2, status)).isEqualTo(new NextStep.Start(V2));
  }

  @Test
  void aNewReleaseWaitsForTheEarlierExecutionStillRunning() {
    MigrationJobStatus status = status(V1, MigrationPhase.Running);

    assertThat(NextStep.decide(V2, status))
        .isEqualTo(new NextStep.Follow(status.getExecution(), false));
  }

  @Test
  void goingBackToTheSucceededReleaseIsSettled() {
    MigrationJobStatus status = status(V2, MigrationPhase.Failed);
    status.setSucceededRelease("1.0.0");

    assertThat(NextStep.decide(V1, status))
        .isEqualTo(new NextStep.Settled(MigrationPhase.Succeeded));
  }

  private static MigrationJobStatus status(Release release, MigrationPhase outcome) {
    MigrationExecution execution = new MigrationExecution();
    execution.setName("projects/p/locations/r/jobs/j/executions/j-" + release.executionToken());
    execution.setRelease(release.release());
    execution.setRetryToken(release.retryToken().isEmpty() ? null : release.retryToken());
    execution.setOutcome(outcome);
    MigrationJobStatus status = new MigrationJobStatus();
    status.setExecution(execution);
    return status;
  }
}
