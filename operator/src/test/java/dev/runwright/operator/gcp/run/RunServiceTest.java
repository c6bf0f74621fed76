package dev.runwright.operator.gcp.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cloud Run's own definition of a finished rollout, and execution outcomes. */
class RunServiceTest {

  private static final List<TrafficTarget> TRAFFIC =
      List.of(
          TrafficTarget.toRevision("auth-1", 90),
          TrafficTarget.toRevision("auth-2", 10).withTag("candidate"));

  private static RunService service(
      long generation, long observed, String created, String ready, List<TrafficStatus> statuses) {
    var spec = CloudRunAdapterTest.spec();
    return new RunService(
        new ServiceName("p-1", "europe-west1", "auth"),
        new ServiceSpec(
            spec.labels(), spec.annotations(), spec.ingress(), spec.template(), TRAFFIC),
        generation,
        observed,
        false,
        Optional.empty(),
        List.of(),
        Optional.of(created),
        Optional.of(ready),
        statuses,
        Optional.empty(),
        "");
  }

  private static TrafficStatus status(String revision, int percent, String tag) {
    return new TrafficStatus(
        false, Optional.of(revision), percent, Optional.ofNullable(tag), Optional.empty());
  }

  @Test
  void settledWhenGenerationObservedTrafficMatchesAndLatestIsReady() {
    var statuses = List.of(status("auth-2", 10, "candidate"), status("auth-1", 90, null));

    assertThat(service(3, 3, "auth-2", "auth-2", statuses).rolloutSettled()).isTrue();
    assertThat(service(4, 3, "auth-2", "auth-2", statuses).rolloutSettled()).isFalse();
    assertThat(service(3, 3, "auth-2", "auth-1", statuses).rolloutSettled()).isFalse();
    assertThat(
            service(3, 3, "auth-2", "auth-2", List.of(status("auth-1", 100, null)))
                .rolloutSettled())
        .isFalse();
  }

  private static Execution execution(
      ConditionState completed,
      Optional<Instant> completionTime,
      int succeeded,
      int failed,
      int cancelled) {
    List<RunCondition> conditions =
        completed == null
            ? List.of()
            : List.of(new RunCondition("Completed", completed, "msg", "REASON", Optional.empty()));
    return new Execution(
        new JobName("p-1", "europe-west1", "migrate").execution("migrate-1"),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        completionTime,
        new Execution.TaskCounts(1, 0, succeeded, failed, cancelled, 0),
        false,
        conditions,
        Optional.empty());
  }

  @Test
  void anExecutionsOutcomeFollowsItsCompletedConditionThenItsCounts() {
    Optional<Instant> done = Optional.of(Instant.EPOCH);

    assertThat(execution(null, Optional.empty(), 0, 0, 0).outcome())
        .isEqualTo(ExecutionOutcome.RUNNING);
    assertThat(execution(ConditionState.RECONCILING, Optional.empty(), 0, 0, 0).outcome())
        .isEqualTo(ExecutionOutcome.RUNNING);
    assertThat(execution(ConditionState.SUCCEEDED, done, 1, 0, 0).outcome())
        .isEqualTo(ExecutionOutcome.SUCCEEDED);
    assertThat(execution(ConditionState.FAILED, done, 0, 1, 0).outcome())
        .isEqualTo(ExecutionOutcome.FAILED);
    assertThat(execution(ConditionState.FAILED, done, 0, 0, 1).outcome())
        .isEqualTo(ExecutionOutcome.CANCELLED);
    assertThat(execution(null, done, 1, 0, 0).outcome()).isEqualTo(ExecutionOutcome.SUCCEEDED);
    assertThat(execution(null, done, 0, 1, 0).outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(execution(ConditionState.FAILED, done, 0, 1, 0).failureMessage())
        .contains("REASON: msg");
    assertThat(execution(ConditionState.SUCCEEDED, done, 1, 0, 0).failureMessage()).isEmpty();
  }
}
