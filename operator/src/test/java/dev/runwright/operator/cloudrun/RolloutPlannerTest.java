package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudrun.RolloutPhase;
import dev.runwright.operator.gcp.run.ConditionState;
import dev.runwright.operator.gcp.run.Revision;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.run.TrafficTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutPlannerTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final MigrationGate OPEN = new MigrationGate.Open("MigrationSucceeded", "ok");
  private static final MigrationGate PENDING = new MigrationGate.Pending("running");
  private static final MigrationGate FAILED = new MigrationGate.Failed("failed");
  private static final RolloutSettings IMMEDIATE =
      new RolloutSettings(List.of(100), Duration.ZERO, "candidate", Duration.ofMinutes(10));
  private static final RolloutSettings STEPPED =
      new RolloutSettings(
          List.of(10, 50, 100), Duration.ofSeconds(30), "candidate", Duration.ofMinutes(10));

  private final DesiredService v1 = Fixtures.desired("r/jwt:1");
  private final DesiredService v2 = Fixtures.desired("r/jwt:2");
  private final String stable = v1.revision();
  private final String candidate = v2.revision();

  private RolloutState stableState() {
    return RolloutState.complete(stable, v1.release());
  }

  private static RolloutPlanner.Decision plan(
      DesiredService desired,
      Optional<RunService> service,
      Optional<Revision> revision,
      MigrationGate gate,
      RolloutState prior,
      RolloutSettings settings,
      Instant now) {
    return RolloutPlanner.plan(
        new RolloutPlanner.Input(desired, service, revision, gate, prior, settings, now));
  }

  private RunService servingStable() {
    return Fixtures.settled(v1.template(), TrafficSplit.allOn(stable));
  }

  private RunService candidateAt(int percent) {
    return Fixtures.settled(
        v2.template(), TrafficSplit.split(stable, candidate, percent, "candidate"));
  }

  private Optional<Revision> candidateRevision(ConditionState state) {
    return Optional.of(Fixtures.revision(candidate, state));
  }

  @Test
  void firstDeployWaitsForTheMigrationWithoutCreatingAnything() {
    var decision =
        plan(
            v1,
            Optional.empty(),
            Optional.empty(),
            PENDING,
            RolloutState.initial(),
            IMMEDIATE,
            NOW);
    assertThat(decision.write()).isEmpty();
    assertThat(decision.verdict().reason()).isEqualTo(Reasons.MIGRATION_PENDING);
    assertThat(decision.next().phase()).isEqualTo(RolloutPhase.WaitingForMigration);
  }

  @Test
  void firstDeployCreatesTheServiceWithAllTrafficOnTheFirstRevisionOnceMigrated() {
    var decision =
        plan(v1, Optional.empty(), Optional.empty(), OPEN, RolloutState.initial(), IMMEDIATE, NOW);
    assertThat(decision.write()).isPresent();
    assertThat(decision.write().get().template()).isEqualTo(v1.template());
    assertThat(decision.write().get().traffic()).isEqualTo(TrafficSplit.allOn(stable));

    var afterReady =
        plan(
            v1,
            Optional.of(servingStable()),
            Optional.empty(),
            OPEN,
            decision.next(),
            IMMEDIATE,
            NOW);
    assertThat(afterReady.write()).isEmpty();
    assertThat(afterReady.verdict().kind()).isEqualTo(Verdict.Kind.READY);
    assertThat(afterReady.next().stableRevision()).isEqualTo(stable);
  }

  @Test
  void aFailedFirstRevisionStalls() {
    RunService notReady =
        Fixtures.service(v1.template(), TrafficSplit.allOn(stable), List.of(), null, 1);
    var prior = RolloutState.initial().candidate(stable, v1.release(), RolloutPhase.Deploying);
    var decision =
        plan(
            v1,
            Optional.of(notReady),
            Optional.of(Fixtures.revision(stable, ConditionState.FAILED)),
            OPEN,
            prior,
            IMMEDIATE,
            NOW);
    assertThat(decision.write()).isEmpty();
    assertThat(decision.verdict().kind()).isEqualTo(Verdict.Kind.STALLED);
    assertThat(decision.verdict().reason()).isEqualTo(Reasons.REVISION_FAILED);
  }

  @Test
  void steadyStateWritesNothing() {
    var decision =
        plan(
            v1,
            Optional.of(servingStable()),
            Optional.empty(),
            OPEN,
            stableState(),
            IMMEDIATE,
            NOW);
    assertThat(decision.write()).isEmpty();
    assertThat(decision.trafficRestored()).isFalse();
    assertThat(decision.verdict().kind()).isEqualTo(Verdict.Kind.READY);
    assertThat(decision.recheck()).isEmpty();
  }

  @Test
  void trafficChangedBehindTheOperatorsBackIsRestored() {
    RunService drifted =
        Fixtures.settled(
            v1.template(),
            List.of(
                TrafficTarget.toRevision(stable, 50), TrafficTarget.toRevision("jwt-manual", 50)));
    var decision =
        plan(v1, Optional.of(drifted), Optional.empty(), OPEN, stableState(), IMMEDIATE, NOW);
    assertThat(decision.write().get().traffic()).isEqualTo(TrafficSplit.allOn(stable));
    assertThat(decision.trafficRestored()).isTrue();
  }

  @Test
  void aPendingOrFailedMigrationLeavesTheServiceUntouched() {
    var pending =
        plan(
            v2,
            Optional.of(servingStable()),
            Optional.empty(),
            PENDING,
            stableState(),
            IMMEDIATE,
            NOW);
    assertThat(pending.write()).isEmpty();
    assertThat(pending.verdict().kind()).isEqualTo(Verdict.Kind.RECONCILING);
    assertThat(pending.verdict().reason()).isEqualTo(Reasons.MIGRATION_PENDING);
    assertThat(pending.next().candidateRevision()).isEqualTo(candidate);
    assertThat(pending.next().stableRevision()).isEqualTo(stable);

    var failed =
        plan(
            v2,
            Optional.of(servingStable()),
            Optional.empty(),
            FAILED,
            stableState(),
            IMMEDIATE,
            NOW);
    assertThat(failed.write()).isEmpty();
    assertThat(failed.verdict().kind()).isEqualTo(Verdict.Kind.STALLED);
    assertThat(failed.verdict().reason()).isEqualTo(Reasons.MIGRATION_FAILED);
  }

  @Test
  void aClosedGateTakesTrafficBackFromAnAbandonedCandidate() {
    DesiredService v3 = Fixtures.desired("r/jwt:3");
    RolloutState midway =
        stableState().candidate(candidate, v2.release(), RolloutPhase.Promoting).atStep(0, NOW);
    var decision =
        plan(v3, Optional.of(candidateAt(10)), Optional.empty(), PENDING, midway, STEPPED, NOW);
    assertThat(decision.write().get().traffic()).isEqualTo(TrafficSplit.allOn(stable));
    assertThat(decision.write().get().template()).isEqualTo(v2.template());
    assertThat(decision.trafficRestored()).isFalse();
  }

  @Test
  void aMigratedCandidateIsDeployedAtZeroPercentWithItsTag() {
    var decision =
        plan(
            v2,
            Optional.of(servingStable()),
            Optional.empty(),
            OPEN,
            stableState(),
            IMMEDIATE,
            NOW);
    assertThat(decision.write().get().template()).isEqualTo(v2.template());
    assertThat(decision.write().get().traffic())
        .containsExactlyInAnyOrder(
            TrafficTarget.toRevision(stable, 100),
            TrafficTarget.toRevision(candidate, 0).withTag("candidate"));
    assertThat(decision.next().phase()).isEqualTo(RolloutPhase.Deploying);
  }

  @Test
  void aCandidateNotReadyYetKeepsStableAtFullTraffic() {
    RolloutState deploying = deployedAt(NOW);
    var decision =
        plan(
            v2,
            Optional.of(candidateAt(0)),
            candidateRevision(ConditionState.RECONCILING),
            OPEN,
            deploying,
            IMMEDIATE,
            NOW.plusSeconds(5));
    assertThat(decision.write()).isEmpty();
    assertThat(decision.verdict().reason()).isEqualTo(Reasons.REVISION_NOT_READY);
  }

  @Test
  void aReadyCandidateIsPromotedImmediately() {
    var promote =
        plan(
            v2,
            Optional.of(candidateAt(0)),
            candidateRevision(ConditionState.SUCCEEDED),
            OPEN,
            deployedAt(NOW),
            IMMEDIATE,
            NOW);
    assertThat(promote.write().get().traffic()).isEqualTo(TrafficSplit.allOn(candidate));
    assertThat(promote.next().phase()).isEqualTo(RolloutPhase.Promoting);

    var done =
        plan(
            v2,
            Optional.of(Fixtures.settled(v2.template(), TrafficSplit.allOn(candidate))),
            candidateRevision(ConditionState.SUCCEEDED),
            OPEN,
            promote.next(),
            IMMEDIATE,
            NOW);
    assertThat(done.write()).isEmpty();
    assertThat(done.verdict().kind()).isEqualTo(Verdict.Kind.READY);
    assertThat(done.next().stableRevision()).isEqualTo(candidate);
    assertThat(done.next().stableRelease()).isEqualTo(v2.release());
    assertThat(done.next().candidateRevision()).isNull();
  }

  @Test
  void steppedRolloutGoesThroughItsStepsInOrderHoldingEachPause() {
    RolloutState state = deployedAt(NOW);
    RunService service = candidateAt(0);
    Instant now = NOW;
    List<Integer> written = new java.util.ArrayList<>();
    for (int round = 0; round < 20 && state.phase() != RolloutPhase.Complete; round++) {
      var decision =
          plan(
              v2,
              Optional.of(service),
              candidateRevision(ConditionState.SUCCEEDED),
              OPEN,
              state,
              STEPPED,
              now);
      if (decision.write().isPresent()) {
        List<TrafficTarget> traffic = decision.write().get().traffic();
        written.add(
            traffic.stream()
                .filter(t -> t.revision().equals(Optional.of(candidate)))
                .mapToInt(TrafficTarget::percent)
                .sum());
        service = Fixtures.settled(v2.template(), traffic);
      } else if (decision.recheck().isPresent()) {
        assertThat(decision.recheck().get()).isLessThanOrEqualTo(Duration.ofSeconds(30));
      }
      assertThat(service.spec().traffic()).anySatisfy(t -> assertThat(t.percent()).isPositive());
      state = decision.next();
      now = now.plus(decision.recheck().orElse(Duration.ofSeconds(1)));
    }
    assertThat(written).containsExactly(10, 50, 100);
    assertThat(state.phase()).isEqualTo(RolloutPhase.Complete);
    assertThat(Duration.between(NOW, now)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aCandidateThatFailsIsRolledBackToStable() {
    RolloutState atTen = deployedAt(NOW).atStep(0, NOW);
    var decision =
        plan(
            v2,
            Optional.of(candidateAt(10)),
            candidateRevision(ConditionState.FAILED),
            OPEN,
            atTen,
            STEPPED,
            NOW.plusSeconds(3));
    assertThat(decision.write().get().traffic()).isEqualTo(TrafficSplit.allOn(stable));
    assertThat(decision.next().phase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(decision.next().rollbackReason()).contains("container failed to start");
    assertThat(decision.verdict().kind()).isEqualTo(Verdict.Kind.STALLED);
    assertThat(decision.verdict().reason()).isEqualTo(Reasons.ROLLED_BACK);

    RunService rolledBack = Fixtures.settled(v2.template(), TrafficSplit.allOn(stable));
    var later =
        plan(v2, Optional.of(rolledBack), Optional.empty(), OPEN, decision.next(), STEPPED, NOW);
    assertThat(later.write()).isEmpty();
    assertThat(later.verdict().reason()).isEqualTo(Reasons.ROLLED_BACK);
  }

  @Test
  void aCandidateNeverReadyIsRolledBackAfterTheReadinessTimeout() {
    var decision =
        plan(
            v2,
            Optional.of(candidateAt(0)),
            candidateRevision(ConditionState.RECONCILING),
            OPEN,
            deployedAt(NOW),
            IMMEDIATE,
            NOW.plus(Duration.ofMinutes(11)));
    assertThat(decision.write().get().traffic()).isEqualTo(TrafficSplit.allOn(stable));
    assertThat(decision.next().rollbackReason()).contains("not ready within");
  }

  @Test
  void trafficChangedMidRolloutIsPutBackToTheCurrentStep() {
    RolloutState atTen = deployedAt(NOW).atStep(0, NOW);
    RunService drifted =
        Fixtures.settled(
            v2.template(),
            List.of(TrafficTarget.toRevision(stable, 20), TrafficTarget.toRevision(candidate, 80)));
    var decision =
        plan(
            v2,
            Optional.of(drifted),
            candidateRevision(ConditionState.SUCCEEDED),
            OPEN,
            atTen,
            STEPPED,
            NOW);
    assertThat(decision.write().get().traffic())
        .isEqualTo(TrafficSplit.split(stable, candidate, 10, "candidate"));
    assertThat(decision.trafficRestored()).isTrue();
  }

  @Test
  void aStepWrittenJustBeforeARestartIsNotWrittenAgain() {
    // The 10% write went out but its status patch was lost: status still says 0%.
    var decision =
        plan(
            v2,
            Optional.of(candidateAt(10)),
            candidateRevision(ConditionState.SUCCEEDED),
            OPEN,
            deployedAt(NOW),
            STEPPED,
            NOW.plusSeconds(1));
    assertThat(decision.write()).isEmpty();
    assertThat(decision.trafficRestored()).isFalse();
    assertThat(decision.next().stepIndex()).isZero();
  }

  @Test
  void lostStatusFindsTheStableRevisionFromTraffic() {
    var decision =
        plan(
            v2,
            Optional.of(servingStable()),
            Optional.empty(),
            PENDING,
            RolloutState.initial(),
            IMMEDIATE,
            NOW);
    assertThat(decision.write()).isEmpty();
    assertThat(decision.next().stableRevision()).isEqualTo(stable);
  }

  private RolloutState deployedAt(Instant when) {
    return new RolloutState(
        stable, v1.release(), candidate, v2.release(), RolloutPhase.Deploying, -1, when, null);
  }
}
