package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.protobuf.Timestamp;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.run.runtime.RevisionInstance;
import dev.runwright.emulator.run.runtime.RevisionInstance.Readiness;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.run.runtime.ServiceRouter;
import dev.runwright.emulator.world.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How a service moves: a write that changes the template creates a revision (named by the caller or
 * by Cloud Run's rule), every change bumps the generation, and the routes follow {@code traffic}
 * once every revision they need is ready. Until then, and after a failure, the last ready routes
 * keep serving.
 */
final class ServiceRollout {
  private final RunStore store;
  private final Simulation sim;
  private final RevisionRuntime runtime;
  private final ServiceRouter router;
  private final TrafficHistory history;
  private final RevisionNames names = new RevisionNames();

  ServiceRollout(
      RunStore store,
      Simulation sim,
      RevisionRuntime runtime,
      ServiceRouter router,
      TrafficHistory history) {
    this.store = store;
    this.sim = sim;
    this.runtime = runtime;
    this.router = router;
    this.history = history;
  }

  /**
   * Creates a service and its first revision; with {@code dryRun}, only validates and returns the
   * preview.
   */
  StoredService create(String name, Service input, boolean dryRun) {
    ResourceNames.Parsed id = ResourceNames.parse(name);
    Service spec = declared(input, name, id);
    StoredService stored =
        new StoredService(spec, UUID.randomUUID().toString(), sim.nowTimestamp());
    String revision = plannedRevision(stored, spec.getTemplate(), 1, true);
    TrafficPlan.validate(spec.getTrafficList(), r -> r.equals(revision));
    stored.etag = store.nextEtag();
    if (!dryRun) {
      store.services.put(name, stored);
      createRevisionIfNew(stored, spec.getTemplate(), revision);
    }
    return stored;
  }

  /** Applies an update; false when it changes nothing (no new generation, no revision). */
  boolean update(StoredService stored, Service input) {
    String name = stored.spec.getName();
    Service spec = declared(input, name, ResourceNames.parse(name));
    if (spec.equals(stored.spec)) {
      return false;
    }
    boolean templateChanged = !spec.getTemplate().equals(stored.spec.getTemplate());
    String revision =
        templateChanged
            ? plannedRevision(stored, spec.getTemplate(), stored.generation + 1, false)
            : ResourceNames.last(stored.latestCreatedRevision);
    TrafficPlan.validate(
        spec.getTrafficList(),
        r -> r.equals(revision) || store.revisions.containsKey(name + "/revisions/" + r));
    if (templateChanged) {
      createRevisionIfNew(stored, spec.getTemplate(), revision);
    }
    stored.spec = spec;
    stored.generation++;
    stored.updateTime = sim.nowTimestamp();
    stored.etag = store.nextEtag();
    stored.rolloutPending = true;
    return true;
  }

  /** Settles the rollout of the current generation if its revisions are ready (or one failed). */
  void settle(StoredService s) {
    if (s.latestCreatedRevision.isEmpty()) {
      return;
    }
    Readiness latest = store.revision(s.latestCreatedRevision).instance.readiness();
    if (latest.state() == Readiness.State.READY) {
      s.latestReadyRevision = s.latestCreatedRevision;
    }
    if (!s.rolloutPending) {
      return;
    }
    String service = s.spec.getName();
    Set<String> required =
        TrafficPlan.requiredRevisions(
            s.spec.getTrafficList(), ResourceNames.last(s.latestCreatedRevision));
    String failure =
        latest.state() == Readiness.State.FAILED
            ? failureMessage(s.latestCreatedRevision, latest)
            : null;
    boolean allReady = latest.state() == Readiness.State.READY;
    for (String revision : required) {
      String full = service + "/revisions/" + revision;
      Readiness readiness = store.revision(full).instance.readiness();
      if (readiness.state() == Readiness.State.FAILED && failure == null) {
        failure = failureMessage(full, readiness);
      }
      allReady &= readiness.state() == Readiness.State.READY;
    }
    Timestamp now = sim.nowTimestamp();
    if (failure != null) {
      s.terminalCondition = Conditions.failed("Ready", failure, now);
    } else if (allReady) {
      publishRoutes(s);
      s.terminalCondition = Conditions.succeeded("Ready", now);
    } else {
      return;
    }
    s.rolloutPending = false;
    s.observedGeneration = s.generation;
    s.settledGenerations.put(s.generation, failure);
  }

  /**
   * Makes the routes follow the current {@code traffic}: {@code trafficStatuses} with their tag
   * URIs, the router told which revisions serve, and the change recorded in the traffic history.
   */
  void publishRoutes(StoredService s) {
    String service = s.spec.getName();
    ResourceNames.Parsed id = ResourceNames.parse(service);
    long number = sim.projects().number(id.project());
    s.trafficStatuses =
        TrafficPlan.statuses(
            s.spec.getTrafficList(),
            tag ->
                router.tagUri(service, tag, ServiceUris.tag(tag, id.id(), number, id.location())));
    List<ServiceRouter.Route> routes = new ArrayList<>();
    List<TrafficChange.Route> recorded = new ArrayList<>();
    for (TrafficTarget target : s.spec.getTrafficList()) {
      if (target.getPercent() == 0 && target.getTag().isEmpty()) {
        continue;
      }
      boolean latest =
          target.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
      String revision =
          latest ? s.latestCreatedRevision : service + "/revisions/" + target.getRevision();
      routes.add(new ServiceRouter.Route(revision, target.getPercent(), target.getTag()));
      recorded.add(
          new TrafficChange.Route(
              revision, imageOf(revision), target.getPercent(), target.getTag()));
    }
    router.routesChanged(service, List.copyOf(routes));
    history.record(sim.now(), service, recorded);
  }

  private String imageOf(String revision) {
    Revision r = store.revision(revision).revision;
    return r.getContainersCount() == 0 ? "" : r.getContainers(0).getImage();
  }

  /** The service as Cloud Run returns it: declared fields plus status. */
  Service render(StoredService s) {
    settle(s);
    ResourceNames.Parsed id = ResourceNames.parse(s.spec.getName());
    long number = sim.projects().number(id.project());
    String uri =
        router.serviceUri(s.spec.getName(), ServiceUris.service(id.id(), number, id.location()));
    Timestamp now = sim.nowTimestamp();
    Service.Builder service =
        s.spec.toBuilder()
            .setUid(s.uid)
            .setGeneration(s.generation)
            .setObservedGeneration(s.observedGeneration)
            .setCreateTime(s.createTime)
            .setUpdateTime(s.updateTime)
            .setCreator("emulator@runwright.dev")
            .setLastModifier("emulator@runwright.dev")
            .setLatestCreatedRevision(s.latestCreatedRevision)
            .setLatestReadyRevision(s.latestReadyRevision)
            .addAllTrafficStatuses(s.trafficStatuses)
            .setReconciling(s.rolloutPending)
            .setUri(uri)
            .addUrls(uri)
            .setEtag(s.etag);
    // Google lists RoutesReady before ConfigurationsReady.
    if (s.rolloutPending) {
      service
          .setTerminalCondition(Conditions.reconciling("Ready", now))
          .addConditions(Conditions.reconciling("RoutesReady", now))
          .addConditions(Conditions.reconciling("ConfigurationsReady", now));
    } else {
      Condition terminal = s.terminalCondition;
      service
          .setTerminalCondition(terminal)
          .addConditions(terminal.toBuilder().setType("RoutesReady"))
          .addConditions(terminal.toBuilder().setType("ConfigurationsReady"));
    }
    return service.build();
  }

  /**
   * The caller-owned part of a written service: output-only fields dropped, defaults filled in,
   * traffic made explicit, so two writes compare equal exactly when Cloud Run would see no change.
   */
  private Service declared(Service input, String name, ResourceNames.Parsed id) {
    long number = sim.projects().number(id.project());
    return input.toBuilder()
        .setName(name)
        .clearUid()
        .clearGeneration()
        .clearCreateTime()
        .clearUpdateTime()
        .clearDeleteTime()
        .clearExpireTime()
        .clearCreator()
        .clearLastModifier()
        .clearObservedGeneration()
        .clearTerminalCondition()
        .clearConditions()
        .clearLatestReadyRevision()
        .clearLatestCreatedRevision()
        .clearTrafficStatuses()
        .clearUri()
        .clearUrls()
        .clearSatisfiesPzs()
        .clearReconciling()
        .clearEtag()
        .setTemplate(RunDefaults.revision(input.getTemplate(), number))
        .clearTraffic()
        .addAllTraffic(TrafficPlan.normalize(input.getTrafficList()))
        .build();
  }

  /**
   * The revision a template change deploys: the caller's {@code template.revision} (which must not
   * already exist with a different template) or a generated name.
   */
  private String plannedRevision(
      StoredService stored, RevisionTemplate template, long generation, boolean creating) {
    String service = ResourceNames.last(stored.spec.getName());
    if (template.getRevision().isEmpty()) {
      return names.generate(service, generation);
    }
    RevisionNames.checkCustom(service, template.getRevision());
    StoredRevision existing =
        creating
            ? null
            : store.revisions.get(stored.spec.getName() + "/revisions/" + template.getRevision());
    if (existing != null && !existing.template.equals(template)) {
      throw ApiException.alreadyExists(
          "Revision named '"
              + template.getRevision()
              + "' with different configuration already exists.");
    }
    return template.getRevision();
  }

  private void createRevisionIfNew(
      StoredService stored, RevisionTemplate template, String revision) {
    String service = stored.spec.getName();
    String full = service + "/revisions/" + revision;
    stored.latestCreatedRevision = full;
    if (store.revisions.containsKey(full)) {
      return;
    }
    Timestamp now = sim.nowTimestamp();
    Revision.Builder r =
        Revision.newBuilder()
            .setName(full)
            .setUid(UUID.randomUUID().toString())
            .setGeneration(1)
            .putAllLabels(template.getLabelsMap())
            .putAllAnnotations(template.getAnnotationsMap())
            .setCreateTime(now)
            .setUpdateTime(now)
            .setLaunchStage(stored.spec.getLaunchStage())
            .setService(service)
            .setMaxInstanceRequestConcurrency(template.getMaxInstanceRequestConcurrency())
            .setServiceAccount(template.getServiceAccount())
            .addAllContainers(template.getContainersList())
            .addAllVolumes(template.getVolumesList())
            .setExecutionEnvironment(template.getExecutionEnvironment())
            .setEncryptionKey(template.getEncryptionKey())
            .setSessionAffinity(template.getSessionAffinity())
            .setEtag(store.nextEtag());
    if (template.hasScaling()) {
      r.setScaling(template.getScaling());
    }
    if (template.hasTimeout()) {
      r.setTimeout(template.getTimeout());
    }
    if (template.hasVpcAccess()) {
      r.setVpcAccess(template.getVpcAccess());
    }
    RevisionInstance instance = runtime.start(r.build());
    Revision revisionMessage =
        r.setLogUri(instance.logUri().orElse(ResourceNames.logUri(full))).build();
    store.revisions.put(full, new StoredRevision(revisionMessage, template, instance));
  }

  private static String failureMessage(String revision, Readiness readiness) {
    return "Revision '"
        + ResourceNames.last(revision)
        + "' is not ready and cannot serve traffic. "
        + readiness.message();
  }

  /** The service is gone: its URLs stop answering and its routes end. */
  void deleted(String service) {
    router.serviceDeleted(service);
    history.record(sim.now(), service, List.of());
  }

  /** Revisions of a service that get traffic or a tag (they cannot be deleted). */
  static List<String> servingRevisions(StoredService s) {
    return List.copyOf(
        TrafficPlan.requiredRevisions(
            s.spec.getTrafficList(), ResourceNames.last(s.latestCreatedRevision)));
  }
}
