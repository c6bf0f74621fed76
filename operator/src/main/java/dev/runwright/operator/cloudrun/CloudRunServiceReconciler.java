package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudrun.CloudRunServiceStatus;
import dev.runwright.operator.api.cloudrun.RolloutPhase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.PermissionDeniedException;
import dev.runwright.operator.gcp.run.CloudRunApi;
import dev.runwright.operator.gcp.run.Revision;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.run.ServiceSpec;
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperatorServices;
import dev.runwright.operator.reconcile.Resync;
import dev.runwright.operator.reconcile.RetrySchedule;
import dev.runwright.operator.status.StatusConditions;
import dev.runwright.operator.status.StatusPatch;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a CloudRunService: validate, identify, read the service, the migration gate and the
 * database settings, ask the {@link RolloutPlanner} for the one write to make, make it, publish
 * status. Cloud Run's long-running operations are never waited on: the next reconcile reads the
 * service again and judges by its generation, traffic statuses and revisions.
 */
@ControllerConfiguration(name = CloudRunServiceReconciler.NAME)
public final class CloudRunServiceReconciler
    implements Reconciler<CloudRunService>, Cleaner<CloudRunService> {
  public static final String NAME = "cloudrunservice";

  static final String MIGRATION_INDEX = "migrationRef";
  static final String DATABASE_INDEX = "databaseRef";
  static final String MIGRATION_SUCCEEDED = "MigrationSucceeded";
  static final String REVISION_READY = "RevisionReady";
  static final String TRAFFIC_SHIFTED = "TrafficShifted";

  private static final Logger LOG = LoggerFactory.getLogger(CloudRunServiceReconciler.class);

  private final CloudRunApi run;
  private final ServiceAccess access;
  private final OperatorConfig config;
  private final Clock clock;
  private final Resync resync;
  private final KubeEvents events;
  private InformerEventSource<MigrationJob, CloudRunService> migrations;
  private InformerEventSource<CloudSqlDatabase, CloudRunService> databases;

  public CloudRunServiceReconciler(OperatorServices services) {
    this.run = services.google().cloudRun();
    this.access = new ServiceAccess(run, services.google().secrets());
    this.config = services.config();
    this.clock = services.clock();
    this.resync = services.resync();
    this.events = services.events();
  }

  /** A change of a referenced MigrationJob or CloudSqlDatabase reconciles the services using it. */
  @Override
  public List<EventSource<?, CloudRunService>> prepareEventSources(
      EventSourceContext<CloudRunService> context) {
    context
        .getPrimaryCache()
        .addIndexers(
            Map.of(
                MIGRATION_INDEX,
                r ->
                    r.getSpec().getMigrationRef() == null
                        ? List.of()
                        : List.of(key(r, r.getSpec().getMigrationRef().getName())),
                DATABASE_INDEX,
                r ->
                    r.getSpec().getDatabaseRef() == null
                        ? List.of()
                        : List.of(key(r, r.getSpec().getDatabaseRef().getName()))));
    migrations =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(MigrationJob.class, CloudRunService.class)
                .withSecondaryToPrimaryMapper(job -> referencing(context, MIGRATION_INDEX, job))
                .build(),
            context);
    databases =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(CloudSqlDatabase.class, CloudRunService.class)
                .withSecondaryToPrimaryMapper(db -> referencing(context, DATABASE_INDEX, db))
                .build(),
            context);
    return List.of(migrations, databases);
  }

  @Override
  public UpdateControl<CloudRunService> reconcile(
      CloudRunService resource, Context<CloudRunService> context) {
    CloudRunServiceStatus before = StatusPatch.snapshot(resource.getStatus());
    CloudRunServiceStatus status = statusOf(resource);
    StatusConditions conditions = conditionsOf(resource, status);
    Duration next;
    try {
      next = converge(resource, status, conditions);
    } catch (SpecProblem problem) {
      conditions.stalled(problem.reason(), problem.getMessage());
      if (before == null || !problem.getMessage().equals(readyMessage(before))) {
        events.warning(resource, problem.reason(), "Validate", problem.getMessage());
      }
      next = resync.next();
    } catch (DatabaseNotReady waiting) {
      conditions.reconciling(Reasons.DATABASE_NOT_READY, waiting.getMessage());
      next = RolloutPlanner.GATE_RECHECK;
    } catch (GoogleApiException e) {
      if (e.isTransient()) {
        throw e;
      }
      String reason =
          e instanceof PermissionDeniedException
              ? Reasons.PERMISSION_DENIED
              : Reasons.GOOGLE_REJECTED;
      conditions.stalled(reason, e.getMessage());
      events.warning(resource, reason, "CallGoogle", e.getMessage());
      next = resync.next();
    }
    UpdateControl<CloudRunService> control =
        StatusPatch.changed(before, status)
            ? UpdateControl.patchStatus(statusOnly(resource, status))
            : UpdateControl.noUpdate();
    return control.rescheduleAfter(next);
  }

  private Duration converge(
      CloudRunService resource, CloudRunServiceStatus status, StatusConditions conditions) {
    var spec = resource.getSpec();
    if (!config.regionAllowed(spec.getRegion())) {
      throw new SpecProblem(
          Reasons.SPEC_INVALID,
          "region "
              + spec.getRegion()
              + " is not among the regions this operator may use: "
              + config.allowedRegions());
    }
    ServiceName name = ServiceIdentity.of(resource, config.defaultProject());
    String namespace = resource.getMetadata().getNamespace();
    Optional<DatabaseConnection> database =
        spec.getDatabaseRef() == null
            ? Optional.empty()
            : Optional.of(
                usableDatabase(
                    databases
                        .get(new ResourceID(spec.getDatabaseRef().getName(), namespace))
                        .orElse(null),
                    spec.getDatabaseRef().getName()));
    DesiredService desired = DesiredService.of(resource, name, database);
    MigrationGate gate =
        MigrationGate.evaluate(
            spec.getMigrationRef() == null ? null : spec.getMigrationRef().getName(),
            spec.getMigrationRef() == null
                ? null
                : migrations
                    .get(new ResourceID(spec.getMigrationRef().getName(), namespace))
                    .orElse(null),
            desired.release());
    RolloutSettings settings = RolloutSettings.of(spec.getRollout());

    Optional<RunService> service = run.findService(name);
    boolean owned = claim(resource, name, service, status);
    status.setExternalRef(ServiceIdentity.externalRef(name, owned));
    status.setRelease(desired.release());
    status.setDesiredRevision(desired.revision());
    status.setSecretVersions(desired.secretVersions().isEmpty() ? null : desired.secretVersions());

    RolloutState prior = StatusMapping.rolloutState(status);
    Optional<Revision> candidate = readCandidate(service, desired, prior, gate);
    RolloutPlanner.Decision decision =
        RolloutPlanner.plan(
            new RolloutPlanner.Input(
                desired, service, candidate, gate, prior, settings, clock.instant()));

    boolean deploysTemplate =
        decision.write().isPresent()
            && decision.write().get().template().equals(desired.template());
    ensureAccess(resource, desired, service, status, deploysTemplate);
    if (decision.write().isPresent()) {
      write(resource, desired, service, decision);
    }
    StatusMapping.rollout(status, decision.next(), settings);
    service.ifPresent(
        s ->
            StatusMapping.observed(
                status, s, settings.candidateTag(), decision.next().candidateRevision() != null));
    conditionsFor(conditions, gate, decision, desired, service, candidate);
    return decision.recheck().orElseGet(resync::next);
  }

  /**
   * A service that exists must carry this resource's owner annotation: the operator never takes
   * over a service someone else created.
   */
  private boolean claim(
      CloudRunService resource,
      ServiceName name,
      Optional<RunService> service,
      CloudRunServiceStatus status) {
    if (service.isEmpty()) {
      return status.getExternalRef() == null
          || !Boolean.FALSE.equals(status.getExternalRef().getOwned());
    }
    String owner = service.get().spec().annotations().get(DesiredService.OWNER_ANNOTATION);
    if (!DesiredService.owner(resource).equals(owner)) {
      throw new SpecProblem(
          Reasons.SERVICE_NOT_OWNED,
          "Cloud Run service "
              + name
              + " exists and is not managed by this resource"
              + (owner == null ? "" : " (it belongs to " + owner + ")")
              + "; choose another spec.serviceName or delete the existing service");
    }
    return true;
  }

  /** The candidate revision, read only while a deployed candidate's readiness matters. */
  private Optional<Revision> readCandidate(
      Optional<RunService> service,
      DesiredService desired,
      RolloutState prior,
      MigrationGate gate) {
    if (service.isEmpty() || !gate.open()) {
      return Optional.empty();
    }
    RunService s = service.get();
    boolean deployed = s.spec().template().revision().equals(Optional.of(desired.revision()));
    boolean settledOnIt =
        desired.revision().equals(prior.stableRevision())
            || (s.latestReadyRevision().equals(Optional.of(desired.revision()))
                && prior.stableRevision() == null);
    if (!deployed || settledOnIt) {
      return Optional.empty();
    }
    if (prior.phase() == RolloutPhase.RolledBack
        && desired.revision().equals(prior.candidateRevision())) {
      return Optional.empty();
    }
    return run.findRevision(s.name().revision(desired.revision()));
  }

  /**
   * Grants what the desired service needs when it differs from what was last applied: before a
   * template that reads new secrets is deployed, and the invoker policy once the service exists.
   */
  private void ensureAccess(
      CloudRunService resource,
      DesiredService desired,
      Optional<RunService> service,
      CloudRunServiceStatus status,
      boolean deploysTemplate) {
    if (!deploysTemplate && service.isEmpty()) {
      return;
    }
    Optional<String> account = access.serviceAccount(desired, service);
    String wanted = ServiceAccess.hash(desired, account.orElse(""));
    if (wanted.equals(status.getAppliedAccessHash())) {
      return;
    }
    int grants = account.map(a -> access.grantSecrets(desired, a)).orElse(0);
    if (grants > 0) {
      events.normal(
          resource,
          "SecretAccessGranted",
          "GrantAccess",
          account.get() + " may now read " + grants + " more secret(s) this service references");
    }
    if (service.isEmpty()) {
      return; // the invoker policy once the service exists, on the next reconcile
    }
    if (access.applyInvoker(desired)) {
      events.normal(
          resource,
          "InvokerPolicyChanged",
          "SetIamPolicy",
          desired.allowUnauthenticated()
              ? "allUsers may invoke " + desired.name()
              : "allUsers may no longer invoke " + desired.name());
    }
    status.setAppliedAccessHash(wanted);
  }

  private void write(
      CloudRunService resource,
      DesiredService desired,
      Optional<RunService> service,
      RolloutPlanner.Decision decision) {
    RolloutPlanner.Write write = decision.write().get();
    ServiceSpec spec = desired.spec(write.template(), write.traffic());
    String traffic = TrafficSplit.summary(write.traffic());
    if (service.isEmpty()) {
      run.createService(desired.name(), spec);
      LOG.info("Created Cloud Run service {} ({})", desired.name(), traffic);
      events.normal(
          resource,
          "ServiceCreated",
          "CreateService",
          "Created " + desired.name() + ": " + traffic);
      return;
    }
    run.updateService(desired.name(), spec, service.get().etag());
    LOG.info("Updated Cloud Run service {} ({})", desired.name(), traffic);
    if (decision.trafficRestored()) {
      events.warning(
          resource,
          Reasons.TRAFFIC_RESTORED,
          "UpdateService",
          "Traffic of "
              + desired.name()
              + " was changed outside the operator ("
              + TrafficSplit.summary(service.get().spec().traffic())
              + "); restored to "
              + traffic);
    } else {
      events.normal(resource, "ServiceUpdated", "UpdateService", "Traffic: " + traffic);
    }
  }

  private static void conditionsFor(
      StatusConditions conditions,
      MigrationGate gate,
      RolloutPlanner.Decision decision,
      DesiredService desired,
      Optional<RunService> service,
      Optional<Revision> candidate) {
    RolloutState next = decision.next();
    boolean shifted =
        next.phase() == RolloutPhase.Complete && desired.revision().equals(next.stableRevision());
    if (shifted && !gate.open()) {
      // The serving release passed the gate before it got traffic; a MigrationJob that moved on to
      // a later release does not take that back.
      gate =
          new MigrationGate.Open(
              Reasons.MIGRATION_SUCCEEDED,
              "Release " + desired.release() + " was migrated before it got traffic");
    }
    switch (gate) {
      case MigrationGate.Open open ->
          conditions.set(MIGRATION_SUCCEEDED, ConditionStatus.True, open.reason(), open.message());
      case MigrationGate.Pending pending ->
          conditions.set(
              MIGRATION_SUCCEEDED,
              ConditionStatus.False,
              Reasons.MIGRATION_PENDING,
              pending.message());
      case MigrationGate.Failed failed ->
          conditions.set(
              MIGRATION_SUCCEEDED,
              ConditionStatus.False,
              Reasons.MIGRATION_FAILED,
              failed.message());
    }
    boolean ready =
        candidate.map(Revision::ready).orElse(false)
            || service
                .flatMap(RunService::latestReadyRevision)
                .equals(Optional.of(desired.revision()));
    if (ready) {
      conditions.set(
          REVISION_READY,
          ConditionStatus.True,
          Reasons.REVISION_READY,
          "Revision " + desired.revision() + " is ready");
    } else if (candidate.map(Revision::failed).orElse(false)) {
      conditions.set(
          REVISION_READY,
          ConditionStatus.False,
          Reasons.REVISION_FAILED,
          "Revision " + desired.revision() + " failed to become ready");
    } else {
      conditions.set(
          REVISION_READY,
          ConditionStatus.False,
          Reasons.REVISION_NOT_READY,
          gate.open()
              ? "Revision " + desired.revision() + " is not ready"
              : "Revision " + desired.revision() + " is deployed only after its migration");
    }
    conditions.set(
        TRAFFIC_SHIFTED,
        shifted ? ConditionStatus.True : ConditionStatus.False,
        shifted
            ? Reasons.TRAFFIC_SHIFTED
            : next.phase() == RolloutPhase.Promoting
                ? Reasons.PROMOTING
                : Reasons.TRAFFIC_ON_STABLE,
        shifted
            ? "Revision " + desired.revision() + " serves 100%"
            : next.stableRevision() == null
                ? "No revision serves traffic yet"
                : "Stable revision " + next.stableRevision() + " keeps its traffic");
    Verdict verdict = decision.verdict();
    switch (verdict.kind()) {
      case READY -> conditions.ready(verdict.reason(), verdict.message());
      case RECONCILING -> conditions.reconciling(verdict.reason(), verdict.message());
      case STALLED -> conditions.stalled(verdict.reason(), verdict.message());
    }
  }

  @Override
  public ErrorStatusUpdateControl<CloudRunService> updateErrorStatus(
      CloudRunService resource, Context<CloudRunService> context, Exception e) {
    CloudRunServiceStatus before =
        context
            .getPrimaryCache()
            .get(ResourceID.fromResource(resource))
            .map(CloudRunService::getStatus)
            .map(StatusPatch::snapshot)
            .orElse(null);
    CloudRunServiceStatus status = statusOf(resource);
    StatusConditions conditions = conditionsOf(resource, status);
    String message =
        e instanceof GoogleApiException
            ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    events.warning(resource, "Retrying", "Reconcile", message);
    conditions.retrying("Retrying", message);
    ErrorStatusUpdateControl<CloudRunService> control =
        StatusPatch.changed(before, status)
            ? ErrorStatusUpdateControl.patchStatus(statusOnly(resource, status))
            : ErrorStatusUpdateControl.noStatusUpdate();
    return RetrySchedule.honourRetryAfter(control, e, context.getRetryInfo());
  }

  /**
   * Deletes the Cloud Run service the operator created (deletionPolicy Delete, the default); a
   * service already gone is success. With Retain, or a service not owned, nothing is deleted. A
   * service created by a reconcile whose status was then lost (the operator killed before the
   * status patch) is found by its spec name and deleted only if it carries this resource's owner
   * annotation.
   */
  @Override
  public DeleteControl cleanup(CloudRunService resource, Context<CloudRunService> context) {
    var status = resource.getStatus();
    boolean retain = resource.getSpec().getDeletionPolicy() == DeletionPolicy.Retain;
    boolean recorded =
        status != null
            && status.getExternalRef() != null
            && status.getExternalRef().getName() != null;
    try {
      if (!recorded) {
        return retain ? DeleteControl.defaultDelete() : deleteUnrecorded(resource);
      }
      ServiceName name = ServiceName.parse(status.getExternalRef().getName());
      if (retain || !Boolean.TRUE.equals(status.getExternalRef().getOwned())) {
        events.normal(
            resource, Reasons.RETAINED, "DeleteService", "Kept Cloud Run service " + name);
        return DeleteControl.defaultDelete();
      }
      return deleteService(resource, name);
    } catch (GoogleApiException e) {
      return RetrySchedule.retryAfter(e, context.getRetryInfo())
          .map(wait -> DeleteControl.noFinalizerRemoval().rescheduleAfter(wait))
          .orElseThrow(() -> e);
    }
  }

  private DeleteControl deleteUnrecorded(CloudRunService resource) {
    ServiceName name;
    try {
      name = ServiceIdentity.of(resource, config.defaultProject());
    } catch (SpecProblem invalid) {
      return DeleteControl.defaultDelete(); // never reconciled far enough to create anything
    }
    boolean ours =
        run.findService(name)
            .map(s -> s.spec().annotations().get(DesiredService.OWNER_ANNOTATION))
            .filter(DesiredService.owner(resource)::equals)
            .isPresent();
    return ours ? deleteService(resource, name) : DeleteControl.defaultDelete();
  }

  private DeleteControl deleteService(CloudRunService resource, ServiceName name) {
    boolean existed = run.deleteService(name).isPresent();
    LOG.info("Deleted Cloud Run service {} (existed: {})", name, existed);
    events.normal(
        resource,
        Reasons.DELETED,
        "DeleteService",
        existed ? "Deleted Cloud Run service " + name : "Cloud Run service " + name + " was gone");
    return DeleteControl.defaultDelete();
  }

  private static Set<ResourceID> referencing(
      EventSourceContext<CloudRunService> context, String index, HasMetadata referenced) {
    return context
        .getPrimaryCache()
        .byIndex(
            index,
            referenced.getMetadata().getNamespace() + "/" + referenced.getMetadata().getName())
        .stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static String key(CloudRunService resource, String name) {
    return resource.getMetadata().getNamespace() + "/" + name;
  }

  private static String readyMessage(CloudRunServiceStatus status) {
    return status.getConditions() == null
        ? ""
        : status.getConditions().stream()
            .filter(c -> StatusConditions.READY.equals(c.getType()))
            .map(c -> c.getMessage() == null ? "" : c.getMessage())
            .findFirst()
            .orElse("");
  }

  private static CloudRunServiceStatus statusOf(CloudRunService resource) {
    if (resource.getStatus() == null) {
      resource.setStatus(new CloudRunServiceStatus());
    }
    return resource.getStatus();
  }

  private StatusConditions conditionsOf(CloudRunService resource, CloudRunServiceStatus status) {
    Long generation = resource.getMetadata().getGeneration();
    return StatusConditions.of(status, generation == null ? 0 : generation, clock);
  }

  /** The status patch carries only identity and status, so spec fields are never claimed. */
  private static CloudRunService statusOnly(
      CloudRunService resource, CloudRunServiceStatus status) {
    CloudRunService patch = new CloudRunService();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(resource.getMetadata().getName())
            .withNamespace(resource.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }

  private static DatabaseConnection usableDatabase(CloudSqlDatabase database, String name) {
    return switch (DatabaseConnection.of(database, name)) {
      case DatabaseConnection.Usable usable -> usable.connection();
      case DatabaseConnection.NotUsable notUsable -> throw new DatabaseNotReady(notUsable.why());
    };
  }

  /** The database cannot be used yet; the service waits (Reconciling), it is not a spec error. */
  private static final class DatabaseNotReady extends RuntimeException {
    DatabaseNotReady(String message) {
      super(message);
    }
  }
}
