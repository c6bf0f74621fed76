package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.RolloutPhase;
import dev.runwright.operator.gcp.run.Revision;
import dev.runwright.operator.gcp.run.RevisionTemplate;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.run.TrafficTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rollout as a pure state machine: from what the spec asks, what Cloud Run reports, the
 * migration gate and the remembered rollout state, decide the one write to make (if any), the next
 * state and the verdict. It holds the invariant: a revision gets traffic only when its release
 * passed the gate, and until then the stable revision keeps 100%.
 *
 * <p>Order: the candidate is deployed only after its migration succeeded (at 0% with its tag), then
 * promoted once ready. So new code never runs against a schema it does not know, and a failed
 * migration leaves the Cloud Run service untouched.
 */
final class RolloutPlanner {
  static final Duration FAST_RECHECK = Duration.ofSeconds(1);
  static final Duration WAIT_RECHECK = Duration.ofSeconds(5);
  static final Duration GATE_RECHECK = Duration.ofSeconds(15);

  private RolloutPlanner() {}

  /**
   * @param service the service as read; empty when it does not exist
   * @param candidate the desired revision as read; empty when not created or not read
   */
  record Input(
      DesiredService desired,
      Optional<RunService> service,
      Optional<Revision> candidate,
      MigrationGate gate,
      RolloutState prior,
      RolloutSettings settings,
      Instant now) {}

  /**
   * @param write the service to write (template and traffic); empty: no write
   * @param trafficRestored the write reverts a traffic change made outside the operator
   * @param recheck when to look again; empty: at the next resync
   */
  record Decision(
      Optional<Write> write,
      RolloutState next,
      Verdict verdict,
      boolean trafficRestored,
      Optional<Duration> recheck) {}

  /** A service write: the template to keep or deploy, and the traffic. */
  record Write(RevisionTemplate template, List<TrafficTarget> traffic) {}

  static Decision plan(Input in) {
    if (in.service().isEmpty()) {
      return firstCreate(in);
    }
    RunService service = in.service().get();
    String desired = in.desired().revision();
    String stable = in.prior().stableRevision();
    if (stable == null) {
      stable = inferStable(service, desired).orElse(null);
    }
    if (stable == null) {
      return firstDeploy(in, service);
    }
    if (desired.equals(stable)) {
      return steady(in, service, stable);
    }
    return newRelease(in, service, stable);
  }

  private static Decision firstCreate(Input in) {
    String desired = in.desired().revision();
    RolloutState waiting =
        RolloutState.initial()
            .candidate(desired, in.desired().release(), RolloutPhase.WaitingForMigration);
    if (!in.gate().open()) {
      return gateClosed(in, waiting, Optional.empty());
    }
    Write create = new Write(in.desired().template(), TrafficSplit.allOn(desired));
    return new Decision(
        Optional.of(create),
        waiting.withPhase(RolloutPhase.Deploying),
        Verdict.reconciling(
            Reasons.DEPLOYING, "Creating the service with revision " + desired + " at 100%"),
        false,
        Optional.of(FAST_RECHECK));
  }

  /** The service exists but no revision was ever promoted: the first revision is on its way. */
  private static Decision firstDeploy(Input in, RunService service) {
    String desired = in.desired().revision();
    RolloutState state =
        in.prior().candidate(desired, in.desired().release(), RolloutPhase.Deploying);
    if (!in.gate().open()) {
      return gateClosed(in, state.withPhase(RolloutPhase.WaitingForMigration), Optional.empty());
    }
    List<TrafficTarget> expected = TrafficSplit.allOn(desired);
    if (!templateIs(service, desired) || !TrafficSplit.same(service.spec().traffic(), expected)) {
      return new Decision(
          Optional.of(new Write(in.desired().template(), expected)),
          state,
          Verdict.reconciling(Reasons.DEPLOYING, "Deploying revision " + desired + " at 100%"),
          false,
          Optional.of(FAST_RECHECK));
    }
    if (in.candidate().map(Revision::failed).orElse(false)) {
      return new Decision(
          Optional.empty(),
          state,
          Verdict.stalled(Reasons.REVISION_FAILED, failure(in.candidate().get())),
          false,
          Optional.empty());
    }
    if (service.rolloutSettled() && service.latestReadyRevision().equals(Optional.of(desired))) {
      return new Decision(
          Optional.empty(),
          RolloutState.complete(desired, in.desired().release()),
          Verdict.ready(Reasons.SERVING, "Revision " + desired + " serves 100%"),
          false,
          Optional.empty());
    }
    return new Decision(
        Optional.empty(),
        state,
        Verdict.reconciling(
            Reasons.REVISION_NOT_READY, "Waiting for revision " + desired + " to become ready"),
        false,
        Optional.of(FAST_RECHECK));
  }

  /** The spec is the stable release: keep the template and 100% on it. */
  private static Decision steady(Input in, RunService service, String stable) {
    List<TrafficTarget> expected = TrafficSplit.allOn(stable);
    boolean trafficDrift = !TrafficSplit.same(service.spec().traffic(), expected);
    RolloutState state =
        RolloutState.complete(
            stable,
            in.prior().stableRelease() == null
                ? in.desired().release()
                : in.prior().stableRelease());
    if (trafficDrift || !templateIs(service, stable)) {
      // During a rollout traffic legitimately differs (the spec went back to stable): no drift.
      boolean restored = trafficDrift && in.prior().candidateRevision() == null;
      return new Decision(
          Optional.of(new Write(in.desired().template(), expected)),
          state,
          Verdict.reconciling(Reasons.SETTLING, "Putting 100% back on revision " + stable),
          restored,
          Optional.of(FAST_RECHECK));
    }
    if (!service.rolloutSettled()) {
      return new Decision(
          Optional.empty(),
          state,
          Verdict.reconciling(Reasons.SETTLING, "Cloud Run is still rolling out " + stable),
          false,
          Optional.of(FAST_RECHECK));
    }
    return new Decision(
        Optional.empty(),
        state,
        Verdict.ready(Reasons.SERVING, "Revision " + stable + " serves 100%"),
        false,
        Optional.empty());
  }

  /** The spec asks for a release other than the stable one. */
  private static Decision newRelease(Input in, RunService service, String stable) {
    String desired = in.desired().revision();
    RolloutSettings settings = in.settings();
    RolloutState prior =
        in.prior().stableRevision() == null
            ? new RolloutState(
                stable, null, null, null, null, -1, null, null) // status was lost: stable inferred
            : in.prior();
    List<TrafficTarget> stableOnly = TrafficSplit.allOn(stable);
    if (prior.phase() == RolloutPhase.RolledBack && desired.equals(prior.candidateRevision())) {
      return keepStable(
          in,
          service,
          prior,
          Verdict.stalled(
              Reasons.ROLLED_BACK,
              "Revision "
                  + desired
                  + " was rolled back: "
                  + prior.rollbackReason()
                  + ". Stable revision "
                  + stable
                  + " serves 100%; change the spec to try again"));
    }
    RolloutState state =
        prior.candidate(desired, in.desired().release(), RolloutPhase.WaitingForMigration);
    if (!in.gate().open()) {
      return gateClosed(in, state, Optional.of(service));
    }
    if (!templateIs(service, desired)) {
      RolloutState deploying = state.withPhase(RolloutPhase.Deploying);
      return new Decision(
          Optional.of(
              new Write(
                  in.desired().template(),
                  TrafficSplit.split(stable, desired, 0, settings.candidateTag()))),
          new RolloutState(
              deploying.stableRevision(),
              deploying.stableRelease(),
              desired,
              in.desired().release(),
              RolloutPhase.Deploying,
              -1,
              in.now(),
              null),
          Verdict.reconciling(
              Reasons.DEPLOYING,
              "Migration succeeded; deploying revision "
                  + desired
                  + " at 0% with tag "
                  + settings.candidateTag()
                  + " while "
                  + stable
                  + " keeps 100%"),
          false,
          Optional.of(FAST_RECHECK));
    }
    boolean sameCandidate = desired.equals(prior.candidateRevision());
    int index = sameCandidate && prior.phase() == RolloutPhase.Promoting ? prior.stepIndex() : -1;
    Instant stepStart = sameCandidate && prior.stepStart() != null ? prior.stepStart() : in.now();
    List<TrafficTarget> current =
        TrafficSplit.split(stable, desired, settings.percentAt(index), settings.candidateTag());
    List<TrafficTarget> observed = service.spec().traffic();
    if (!TrafficSplit.same(observed, current) && index < settings.lastStep()) {
      List<TrafficTarget> nextStep =
          TrafficSplit.split(
              stable, desired, settings.percentAt(index + 1), settings.candidateTag());
      if (TrafficSplit.same(observed, nextStep)) {
        // Our own step whose status patch was lost (e.g. a restart right after the write).
        index++;
        current = nextStep;
        stepStart = in.now();
      }
    }
    Optional<Revision> candidate = in.candidate();
    if (candidate.map(Revision::failed).orElse(false)) {
      return rollBack(in, service, state, stable, failure(candidate.get()));
    }
    boolean ready = candidate.map(Revision::ready).orElse(false);
    if (!ready && index >= 0) {
      return rollBack(
          in,
          service,
          state,
          stable,
          "revision " + desired + " stopped being ready at " + settings.percentAt(index) + "%");
    }
    if (!ready) {
      Instant deployed = state.stepStart() == null ? in.now() : state.stepStart();
      if (Duration.between(deployed, in.now()).compareTo(settings.readinessTimeout()) > 0) {
        return rollBack(
            in,
            service,
            state,
            stable,
            "revision " + desired + " was not ready within " + settings.readinessTimeout());
      }
      RolloutState deploying =
          new RolloutState(
              state.stableRevision(),
              state.stableRelease(),
              desired,
              in.desired().release(),
              RolloutPhase.Deploying,
              -1,
              deployed,
              null);
      if (!TrafficSplit.same(observed, current)) {
        return restore(in, deploying, current, "revision " + desired + " is not ready yet");
      }
      return new Decision(
          Optional.empty(),
          deploying,
          Verdict.reconciling(
              Reasons.REVISION_NOT_READY,
              "Waiting for revision " + desired + " to become ready; " + stable + " keeps 100%"),
          false,
          Optional.of(FAST_RECHECK));
    }
    RolloutState promoting = state.atStep(index, stepStart);
    if (index < 0) {
      promoting =
          new RolloutState(
              state.stableRevision(),
              state.stableRelease(),
              desired,
              in.desired().release(),
              RolloutPhase.Promoting,
              -1,
              stepStart,
              null);
    }
    if (!TrafficSplit.same(observed, current)) {
      return restore(
          in, promoting, current, "the rollout is at " + settings.percentAt(index) + "%");
    }
    if (!service.trafficMatchesSpec() || service.observedGeneration() != service.generation()) {
      return new Decision(
          Optional.empty(),
          promoting,
          Verdict.reconciling(
              Reasons.PROMOTING,
              "Cloud Run is moving " + settings.percentAt(index) + "% to revision " + desired),
          false,
          Optional.of(FAST_RECHECK));
    }
    if (settings.percentAt(index) == 100) {
      RolloutState complete = RolloutState.complete(desired, in.desired().release());
      return new Decision(
          Optional.empty(),
          complete,
          service.rolloutSettled()
              ? Verdict.ready(Reasons.SERVING, "Revision " + desired + " serves 100%")
              : Verdict.reconciling(Reasons.SETTLING, "Cloud Run is settling " + desired),
          false,
          service.rolloutSettled() ? Optional.empty() : Optional.of(FAST_RECHECK));
    }
    if (index >= 0) {
      Duration held = Duration.between(stepStart, in.now());
      if (held.compareTo(settings.pause()) < 0) {
        return new Decision(
            Optional.empty(),
            promoting,
            Verdict.reconciling(
                Reasons.PROMOTING,
                "Revision "
                    + desired
                    + " holds "
                    + settings.percentAt(index)
                    + "% until the step's pause ends"),
            false,
            Optional.of(settings.pause().minus(held)));
      }
    }
    int next = index + 1;
    int percent = settings.percentAt(next);
    return new Decision(
        Optional.of(
            new Write(
                in.desired().template(),
                TrafficSplit.split(stable, desired, percent, settings.candidateTag()))),
        promoting.atStep(next, in.now()),
        Verdict.reconciling(
            Reasons.PROMOTING, "Moving " + percent + "% of traffic to revision " + desired),
        false,
        Optional.of(percent == 100 || settings.pause().isZero() ? FAST_RECHECK : settings.pause()));
  }

  /** The gate is closed: the stable revision (if any) keeps 100%, the template is not touched. */
  private static Decision gateClosed(Input in, RolloutState state, Optional<RunService> service) {
    Verdict verdict =
        switch (in.gate()) {
          case MigrationGate.Failed failed ->
              Verdict.stalled(Reasons.MIGRATION_FAILED, failed.message());
          case MigrationGate.Pending pending ->
              Verdict.reconciling(Reasons.MIGRATION_PENDING, pending.message());
          case MigrationGate.Open open -> throw new IllegalStateException("gate is open");
        };
    if (service.isEmpty()) {
      return new Decision(Optional.empty(), state, verdict, false, Optional.of(GATE_RECHECK));
    }
    return keepStable(in, service.get(), state, verdict);
  }

  /** 100% on stable, the service's template left as it is; reverts any other traffic. */
  private static Decision keepStable(
      Input in, RunService service, RolloutState state, Verdict verdict) {
    String stable = state.stableRevision();
    List<TrafficTarget> stableOnly = TrafficSplit.allOn(stable);
    Optional<Duration> recheck =
        verdict.kind() == Verdict.Kind.STALLED ? Optional.empty() : Optional.of(GATE_RECHECK);
    if (TrafficSplit.same(service.spec().traffic(), stableOnly)) {
      return new Decision(Optional.empty(), state, verdict, false, recheck);
    }
    // Traffic not on stable alone: an abandoned candidate's entry, or a change made by someone
    // else. Either way the unmigrated release must not keep (or get) any of it.
    boolean foreign = !ownPlannedTraffic(in, service.spec().traffic(), state);
    return new Decision(
        Optional.of(new Write(service.spec().template(), stableOnly)),
        state,
        verdict,
        foreign,
        Optional.of(FAST_RECHECK));
  }

  private static Decision rollBack(
      Input in, RunService service, RolloutState state, String stable, String why) {
    RolloutState rolledBack = state.rolledBack(why);
    Verdict verdict =
        Verdict.stalled(
            Reasons.ROLLED_BACK,
            "Rolled back to " + stable + " (100%): " + why + ". Change the spec to try again");
    List<TrafficTarget> stableOnly = TrafficSplit.allOn(stable);
    if (TrafficSplit.same(service.spec().traffic(), stableOnly)) {
      return new Decision(Optional.empty(), rolledBack, verdict, false, Optional.empty());
    }
    return new Decision(
        Optional.of(new Write(in.desired().template(), stableOnly)),
        rolledBack,
        verdict,
        false,
        Optional.of(FAST_RECHECK));
  }

  /** Writes back the traffic of the current step, which someone else changed. */
  private static Decision restore(
      Input in, RolloutState state, List<TrafficTarget> current, String why) {
    return new Decision(
        Optional.of(new Write(in.desired().template(), current)),
        state,
        Verdict.reconciling(Reasons.TRAFFIC_RESTORED, "Restoring traffic: " + why),
        true,
        Optional.of(FAST_RECHECK));
  }

  /** Whether {@code traffic} is a split the operator itself wrote for the remembered candidate. */
  private static boolean ownPlannedTraffic(
      Input in, List<TrafficTarget> traffic, RolloutState state) {
    String candidate = in.prior().candidateRevision();
    if (candidate == null || state.stableRevision() == null) {
      return false;
    }
    for (int i = -1; i <= in.settings().lastStep(); i++) {
      if (TrafficSplit.same(
          traffic,
          TrafficSplit.split(
              state.stableRevision(),
              candidate,
              in.settings().percentAt(i),
              in.settings().candidateTag()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stable revision when status does not say (lost status, or a service created by an earlier
   * operator run): the revision holding 100%, unless that is the desired one still on its way.
   */
  private static Optional<String> inferStable(RunService service, String desired) {
    Optional<String> sole = TrafficSplit.soleRevision(service.spec().traffic());
    if (sole.isEmpty()) {
      return Optional.empty();
    }
    if (sole.get().equals(desired)) {
      boolean servedBefore =
          service.trafficStatuses().stream()
              .anyMatch(s -> s.percent() == 100 && s.revision().equals(sole));
      return servedBefore ? sole : Optional.empty();
    }
    return sole;
  }

  private static boolean templateIs(RunService service, String revision) {
    return service.spec().template().revision().equals(Optional.of(revision));
  }

  private static String failure(Revision revision) {
    return "revision "
        + revision.name().revision()
        + " failed: "
        + revision.readyCondition().map(c -> c.message()).orElse("not ready");
  }
}
