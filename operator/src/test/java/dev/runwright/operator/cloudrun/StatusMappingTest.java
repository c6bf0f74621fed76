package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudrun.CloudRunServiceStatus;
import dev.runwright.operator.api.cloudrun.RolloutPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
  private static final RolloutSettings STEPPED =
      new RolloutSettings(
          List.of(10, 50, 100), Duration.ofSeconds(30), "candidate", Duration.ofMinutes(10));

  @Test
  void theRolloutStateSurvivesARoundTripThroughStatus() {
    RolloutState state =
        new RolloutState(
            "jwt-a",
            "r/jwt:1",
            "jwt-b",
            "r/jwt:2",
            RolloutPhase.Promoting,
            1,
            Instant.parse("2026-11-25T12:00:00Z"),
            null);
    CloudRunServiceStatus status = new CloudRunServiceStatus();
    StatusMapping.rollout(status, state, STEPPED);

    assertThat(status.getRollout().getCandidatePercent()).isEqualTo(50);
    assertThat(status.getRollout().getStepIndex()).isEqualTo(1);
    assertThat(StatusMapping.rolloutState(status)).isEqualTo(state);
  }

  @Test
  void showsTheServedTrafficAndTheCandidatesTagUrl() {
    DesiredService v1 = Fixtures.desired("r/jwt:1");
    DesiredService v2 = Fixtures.desired("r/jwt:2");
    var service =
        Fixtures.settled(
            v2.template(), TrafficSplit.split(v1.revision(), v2.revision(), 10, "candidate"));
    CloudRunServiceStatus status = new CloudRunServiceStatus();
    StatusMapping.observed(status, service, "candidate", true);

    assertThat(status.getUrl()).isEqualTo("https://jwt.example");
    assertThat(status.getCandidateUrl()).isEqualTo("https://candidate---jwt.example");
    assertThat(status.getTrafficSummary())
        .isEqualTo(v1.revision() + " 90%, " + v2.revision() + " 10% (candidate)");
    assertThat(status.getTraffic()).hasSize(2);

    StatusMapping.observed(status, service, "candidate", false);
    assertThat(status.getCandidateUrl()).isNull();
  }
}
