package dev.runwright.operator.migration;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.PendingOperation;
import dev.runwright.operator.api.migration.MigrationExecution;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobStatus;
import dev.runwright.operator.api.migration.MigrationPhase;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.gcp.AlreadyExistsException;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.NotFoundException;
import dev.runwright.operator.gcp.PermissionDeniedException;
import dev.runwright.operator.gcp.run.CloudRunApi;
import dev.runwright.operator.gcp.run.Execution;
import dev.runwright.operator.gcp.run.ExecutionName;
import dev.runwright.operator.gcp.run.ExecutionOutcome;
import dev.runwright.operator.gcp.run.ExecutionToken;
import dev.runwright.operator.gcp.run.RunJob;
import dev.runwright.operator.gcp.run.RunOperation;
import dev.runwright.operator.gcp.run.RunOperationName;
import dev.runwright.operator.migration.LockDecision.LockHolder;
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperationPolling;
import dev.runwright.operator.reconcile.OperatorServices;
import dev.runwright.operator.reconcile.Resync;
import dev.runwright.operator.reconcile.RetrySchedule;
import dev.runwright.operator.status.StatusConditions;
import dev.runwright.operator.status.StatusPatch;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a MigrationJob: decide from status what the release needs (follow its execution,
 * nothing, or start one), then resolve the CloudSqlDatabase, take the database's migration lock,
 * grant the job's service account access to the password secret, and start the release's one
 * execution with an execution token on the job update. Executions are polled by rescheduling, never
 * waited on.
 */
@ControllerConfiguration(name = MigrationJobReconciler.NAME)
public final class MigrationJobReconciler implements Reconciler<MigrationJob> {
  public static final String NAME = "migrationjob";

  private static final String DATABASE_INDEX = "databaseRef";
  private static final String ACTION = "RunMigration";

  /** How often a MigrationJob waiting for another one's database lock looks again. */
  private static final Duration LOCK_WAIT = Duration.ofSeconds(2);

  /** How often one waiting for its CloudSqlDatabase looks again (its changes also wake it). */
  private static final Duration DEPENDENCY_WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(MigrationJobReconciler.class);

  private final CloudRunApi run;
  private final SecretAccess secretAccess;
  private final OperatorConfig config;
  private final Clock clock;
  private final Resync resync;
  private final KubeEvents events;

  public MigrationJobReconciler(OperatorServices services) {
    this.run = services.google().cloudRun();
    this.secretAccess = new SecretAccess(services.google().secrets());
    this.config = services.config();
    this.clock = services.clock();
    this.resync = services.resync();
    this.events = services.events();
  }

  /** CloudSqlDatabase changes (e.g. it became Ready) wake the MigrationJobs that reference it. */
  @Override
  public List<EventSource<?, MigrationJob>> prepareEventSources(
      EventSourceContext<MigrationJob> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            DATABASE_INDEX,
            job -> List.of(indexKey(job.getMetadata().getNamespace(), databaseName(job))));
    var configuration =
        InformerEventSourceConfiguration.from(CloudSqlDatabase.class, MigrationJob.class)
            .withNamespacesInheritedFromController()
            .withPrimaryToSecondaryMapper(
                (MigrationJob job) ->
                    Set.of(new ResourceID(databaseName(job), job.getMetadata().getNamespace())))
            .withSecondaryToPrimaryMapper(
                database ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            DATABASE_INDEX,
                            indexKey(
                                database.getMetadata().getNamespace(),
                                database.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(configuration, context));
  }

  @Override
  public UpdateControl<MigrationJob> reconcile(
      MigrationJob resource, Context<MigrationJob> context) {
    MigrationJobStatus before = StatusPatch.snapshot(resource.getStatus());
    MigrationJobStatus status = statusOf(resource);
    StatusConditions conditions = conditionsOf(resource, status);
    Duration next;
    try {
      next = converge(resource, context, status, conditions);
    } catch (SpecProblem problem) {
      next = stall(resource, before, conditions, problem.reason(), problem.getMessage());
    } catch (GoogleApiException e) {
      if (e.isTransient()) {
        throw e;
      }
      String reason =
          e instanceof PermissionDeniedException
              ? Reasons.PERMISSION_DENIED
              : Reasons.GOOGLE_REJECTED;
      next = stall(resource, before, conditions, reason, e.getMessage());
    }
    UpdateControl<MigrationJob> control =
        StatusPatch.changed(before, status)
            ? UpdateControl.patchStatus(statusOnly(resource, status))
            : UpdateControl.noUpdate();
    return control.rescheduleAfter(next);
  }

  private Duration converge(
      MigrationJob resource,
      Context<MigrationJob> context,
      MigrationJobStatus status,
      StatusConditions conditions) {
    Release release = Release.of(resource.getSpec());
    status.setRelease(release.release());
    return switch (NextStep.decide(release, status)) {
      case NextStep.Settled settled -> {
        lock(context).release(namespace(resource), databaseName(resource), me(resource, ""));
        yield settle(release, settled.outcome(), status, conditions);
      }
      case NextStep.Follow follow -> follow(resource, context, follow, status, conditions);
      case NextStep.Start start -> start(resource, context, start.release(), status, conditions);
    };
  }

  /** The current release's outcome is known: say so; nothing runs, nothing is called. */
  private Duration settle(
      Release release,
      MigrationPhase outcome,
      MigrationJobStatus status,
      StatusConditions conditions) {
    status.setPhase(outcome);
    status.setPendingOperation(null);
    String execution =
        status.getExecution() != null
                && release.release().equals(status.getExecution().getRelease())
            ? status.getExecution().getName()
            : status.getSucceededExecution();
    if (outcome == MigrationPhase.Succeeded) {
      String message =
          "Migrations of release " + release.release() + " succeeded (execution " + execution + ")";
      conditions.set(Reasons.MIGRATION_SUCCEEDED, ConditionStatus.True, Reasons.SUCCEEDED, message);
      conditions.ready(Reasons.SUCCEEDED, message);
    } else {
      Condition failed = conditions.find(Reasons.MIGRATION_SUCCEEDED);
      String reason =
          failed != null && failed.getStatus() == ConditionStatus.False
              ? failed.getReason()
              : Reasons.EXECUTION_FAILED;
      String message =
          failed != null && failed.getStatus() == ConditionStatus.False
              ? failed.getMessage()
              : "Execution " + execution + " of release " + release.release() + " failed";
      conditions.set(Reasons.MIGRATION_SUCCEEDED, ConditionStatus.False, reason, message);
      conditions.stalled(reason, message);
    }
    return resync.next();
  }

  private Duration follow(
      MigrationJob resource,
      Context<MigrationJob> context,
      NextStep.Follow follow,
      MigrationJobStatus status,
      StatusConditions conditions) {
    MigrationExecution record = follow.execution();
    ExecutionName name = ExecutionName.parse(record.getName());
    Optional<Execution> found = run.findExecution(name);
    if (found.isEmpty()) {
      return executionNotFound(resource, context, record, status, conditions);
    }
    status.setPendingOperation(null);
    Execution execution = found.get();
    ExecutionRecords.update(record, execution);
    ExecutionOutcome outcome = execution.outcome();
    if (outcome == ExecutionOutcome.RUNNING) {
      status.setPhase(follow.current() ? MigrationPhase.Running : MigrationPhase.Pending);
      conditions.set(
          Reasons.MIGRATION_SUCCEEDED,
          ConditionStatus.Unknown,
          Reasons.RUNNING,
          "Execution " + name + " of release " + record.getRelease() + " is running");
      conditions.reconciling(
          Reasons.RUNNING,
          follow.current()
              ? "Execution " + name + " of release " + record.getRelease() + " is running"
              : "Waiting for execution "
                  + name
                  + " of the earlier release "
                  + record.getRelease()
                  + " to finish before starting release "
                  + status.getRelease());
      return OperationPolling.nextPoll(elapsedSince(record.getStartTime()));
    }
    finished(resource, context, record, execution, status, conditions);
    if (!follow.current()) {
      // The earlier release is done; the current one starts on the next pass.
      return OperationPolling.MIN;
    }
    return settle(Release.of(resource.getSpec()), record.getOutcome(), status, conditions);
  }

  /** Records a finished execution, tells the user, and lets the next migration have the lock. */
  private void finished(
      MigrationJob resource,
      Context<MigrationJob> context,
      MigrationExecution record,
      Execution execution,
      MigrationJobStatus status,
      StatusConditions conditions) {
    if (execution.outcome() == ExecutionOutcome.SUCCEEDED) {
      record.setOutcome(MigrationPhase.Succeeded);
      status.setSucceededRelease(record.getRelease());
      status.setSucceededExecution(record.getName());
      LOG.info("Execution {} of release {} succeeded", record.getName(), record.getRelease());
      events.normal(
          resource,
          Reasons.MIGRATION_SUCCEEDED,
          ACTION,
          "Migrations of release "
              + record.getRelease()
              + " succeeded (execution "
              + record.getName()
              + ")");
    } else {
      record.setOutcome(MigrationPhase.Failed);
      String reason =
          execution.outcome() == ExecutionOutcome.CANCELLED
              ? Reasons.EXECUTION_CANCELLED
              : Reasons.EXECUTION_FAILED;
      String message = failureMessage(record, execution.failureMessage().orElse("failed"));
      conditions.set(Reasons.MIGRATION_SUCCEEDED, ConditionStatus.False, reason, message);
      LOG.info("Execution {} of release {} failed", record.getName(), record.getRelease());
      events.warning(resource, Reasons.MIGRATION_FAILED, ACTION, message);
    }
    lock(context).release(namespace(resource), databaseName(resource), me(resource, ""));
  }

  private static String failureMessage(MigrationExecution record, String cause) {
    return "Execution "
        + record.getName()
        + " of release "
        + record.getRelease()
        + " failed: "
        + cause
        + ". It is not run again: set spec.retryToken to a new value to re-run it, or apply a"
        + " new release. Logs: "
        + Optional.ofNullable(record.getLogUri()).orElse("(no log link reported)");
  }

  /**
   * The recorded execution is not (yet) visible: the write that starts it may still be running, or
   * it failed to start it.
   */
  private Duration executionNotFound(
      MigrationJob resource,
      Context<MigrationJob> context,
      MigrationExecution record,
      MigrationJobStatus status,
      StatusConditions conditions) {
    PendingOperation pending = status.getPendingOperation();
    String problem;
    if (pending != null) {
      RunOperation operation;
      try {
        operation = run.getOperation(RunOperationName.parse(pending.getName()));
      } catch (NotFoundException gone) {
        operation = null;
      }
      if (operation != null && !operation.done()) {
        status.setPhase(MigrationPhase.Running);
        conditions.reconciling(
            Reasons.STARTING,
            "Starting execution " + record.getName() + " of release " + record.getRelease());
        return OperationPolling.nextPoll(elapsedSince(pending.getStartTime()));
      }
      problem =
          operation != null && operation.error().isPresent()
              ? "Cloud Run could not start it: " + operation.error().get().message()
              : "Cloud Run finished starting it but the execution does not exist";
    } else {
      problem = "the execution no longer exists in Cloud Run";
    }
    status.setPendingOperation(null);
    record.setOutcome(MigrationPhase.Failed);
    String message = failureMessage(record, problem);
    conditions.set(
        Reasons.MIGRATION_SUCCEEDED, ConditionStatus.False, Reasons.START_FAILED, message);
    events.warning(resource, Reasons.MIGRATION_FAILED, ACTION, message);
    lock(context).release(namespace(resource), databaseName(resource), me(resource, ""));
    return OperationPolling.MIN;
  }

  private Duration start(
      MigrationJob resource,
      Context<MigrationJob> context,
      Release release,
      MigrationJobStatus status,
      StatusConditions conditions) {
    CloudSqlDatabase database = context.getSecondaryResource(CloudSqlDatabase.class).orElse(null);
    DatabaseConnection connection;
    switch (DatabaseConnection.of(database, databaseName(resource))) {
      case DatabaseConnection.NotUsable notUsable -> {
        status.setPhase(MigrationPhase.Pending);
        conditions.set(
            Reasons.MIGRATION_SUCCEEDED,
            ConditionStatus.Unknown,
            Reasons.DEPENDENCY_NOT_READY,
            notUsable.why());
        conditions.reconciling(Reasons.DEPENDENCY_NOT_READY, notUsable.why());
        return DEPENDENCY_WAIT;
      }
      case DatabaseConnection.Usable usable -> connection = usable.connection();
    }
    String region =
        resource.getSpec().getRegion() != null
            ? resource.getSpec().getRegion()
            : connection.region();
    if (!config.regionAllowed(region)) {
      throw new SpecProblem(
          Reasons.REGION_NOT_ALLOWED,
          "region "
              + region
              + " is not among the regions this operator may use: "
              + config.allowedRegions());
    }
    String project =
        Optional.ofNullable(resource.getSpec().getProject())
            .or(config::defaultProject)
            .orElse(connection.project());
    JobIdentity identity = JobIdentity.resolve(resource, project, region);
    status.setExternalRef(ref(identity));
    ExecutionName execution = identity.executionFor(release);

    LockDecision lockDecision =
        lock(context)
            .acquire(
                database,
                me(resource, execution.toString()),
                holder -> holderExists(context, resource, holder),
                this::executionMayRun);
    if (lockDecision instanceof LockDecision.Wait wait) {
      status.setPhase(MigrationPhase.Pending);
      conditions.set(
          Reasons.MIGRATION_SUCCEEDED,
          ConditionStatus.Unknown,
          Reasons.WAITING_FOR_LOCK,
          wait.why());
      conditions.reconciling(Reasons.WAITING_FOR_LOCK, wait.why());
      return LOCK_WAIT;
    }
    try {
      return startHoldingLock(
          resource, release, connection, identity, execution, status, conditions);
    } catch (SpecProblem | GoogleApiException e) {
      if (!(e instanceof GoogleApiException google && google.isTransient())) {
        // Nothing was started: a stalled MigrationJob must not keep the others off the database.
        lock(context).release(namespace(resource), databaseName(resource), me(resource, ""));
      }
      throw e;
    }
  }

  /** Starts the release's execution (or finds it), holding the database's lock. */
  private Duration startHoldingLock(
      MigrationJob resource,
      Release release,
      DatabaseConnection connection,
      JobIdentity identity,
      ExecutionName execution,
      MigrationJobStatus status,
      StatusConditions conditions) {

    // A status lost after the start (or a recreated resource) must not start a second one.
    Optional<Execution> existing = run.findExecution(execution);
    if (existing.isPresent()) {
      MigrationExecution record = newRecord(execution, release);
      ExecutionRecords.update(record, existing.get());
      // Followed (and its outcome recorded, success or failure) on the next pass.
      record.setOutcome(MigrationPhase.Running);
      status.setExecution(record);
      status.setPhase(MigrationPhase.Running);
      conditions.reconciling(
          Reasons.RUNNING, "Found execution " + execution + " of release " + release.release());
      return OperationPolling.MIN;
    }

    Optional<RunJob> job = run.findJob(identity.job());
    if (job.isEmpty()) {
      try {
        run.createJob(
            identity.job(), DesiredJob.of(resource, connection, release, Optional.empty()));
      } catch (AlreadyExistsException raced) {
        return OperationPolling.MIN;
      }
      LOG.info("Created Cloud Run job {}", identity.job());
      events.normal(
          resource, Reasons.JOB_CREATED, "CreateJob", "Created Cloud Run job " + identity.job());
      status.setPhase(MigrationPhase.Pending);
      conditions.reconciling(Reasons.CREATING_JOB, "Creating Cloud Run job " + identity.job());
      return OperationPolling.MIN;
    }
    String serviceAccount =
        Optional.ofNullable(resource.getSpec().getServiceAccount())
            .filter(s -> !s.isEmpty())
            .or(() -> job.get().spec().template().task().serviceAccount())
            .orElseThrow(
                () ->
                    new SpecProblem(
                        Reasons.SERVICE_ACCOUNT_UNKNOWN,
                        "Cloud Run job "
                            + identity.job()
                            + " reports no service account; set spec.serviceAccount"));
    if (secretAccess.grant(connection.passwordSecret(), serviceAccount)) {
      LOG.info("Granted {} access to {}", serviceAccount, connection.passwordSecret());
      events.normal(
          resource,
          Reasons.SECRET_ACCESS_GRANTED,
          "GrantSecretAccess",
          "Granted "
              + serviceAccount
              + " "
              + SecretAccess.SECRET_ACCESSOR
              + " on "
              + connection.passwordSecret());
    }

    RunOperationName operation =
        run.updateJob(
            identity.job(),
            DesiredJob.of(
                resource,
                connection,
                release,
                Optional.of(new ExecutionToken(release.executionToken(), false))),
            job.get().etag());
    MigrationExecution record = newRecord(execution, release);
    status.setExecution(record);
    status.setDatabaseSecretVersion(
        connection.passwordSecret().version(connection.passwordVersion()).toString());
    PendingOperation pending = new PendingOperation();
    pending.setName(operation.toString());
    pending.setAction("StartExecution");
    pending.setTarget(execution.toString());
    pending.setStartTime(record.getStartTime());
    status.setPendingOperation(pending);
    status.setPhase(MigrationPhase.Running);
    String message = "Started execution " + execution + " of release " + release.release();
    conditions.set(Reasons.MIGRATION_SUCCEEDED, ConditionStatus.Unknown, Reasons.RUNNING, message);
    conditions.reconciling(Reasons.STARTING, message);
    LOG.info("Started execution {} of release {}", execution, release.release());
    events.normal(resource, Reasons.EXECUTION_STARTED, ACTION, message);
    return OperationPolling.MIN;
  }

  private MigrationExecution newRecord(ExecutionName execution, Release release) {
    MigrationExecution record = new MigrationExecution();
    record.setName(execution.toString());
    record.setRelease(release.release());
    record.setRetryToken(release.retryToken().isEmpty() ? null : release.retryToken());
    record.setOutcome(MigrationPhase.Running);
    record.setStartTime(now());
    return record;
  }

  private boolean holderExists(
      Context<MigrationJob> context, MigrationJob resource, LockHolder holder) {
    return context
        .getPrimaryCache()
        .get(new ResourceID(holder.name(), namespace(resource)))
        .filter(job -> holder.uid().equals(job.getMetadata().getUid()))
        .isPresent();
  }

  private boolean executionMayRun(LockHolder holder) {
    try {
      return run.findExecution(ExecutionName.parse(holder.execution()))
          .map(e -> e.outcome() == ExecutionOutcome.RUNNING)
          .orElse(false);
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  private DatabaseLock lock(Context<MigrationJob> context) {
    return new DatabaseLock(context.getClient(), clock);
  }

  private static LockHolder me(MigrationJob resource, String execution) {
    return new LockHolder(
        resource.getMetadata().getName(), resource.getMetadata().getUid(), execution);
  }

  private Duration stall(
      MigrationJob resource,
      MigrationJobStatus before,
      StatusConditions conditions,
      String reason,
      String message) {
    if (!StatusConditions.wasStalledWith(before, reason, message)) {
      events.warning(resource, reason, "Reconcile", message);
    }
    conditions.stalled(reason, message);
    return resync.next();
  }

  /**
   * A transient failure is retried by JOSDK with backoff; until then status says why, unless the
   * resource is Ready (one failed call must not make a finished migration look broken).
   */
  @Override
  public ErrorStatusUpdateControl<MigrationJob> updateErrorStatus(
      MigrationJob resource, Context<MigrationJob> context, Exception e) {
    MigrationJobStatus before =
        context
            .getPrimaryCache()
            .get(ResourceID.fromResource(resource))
            .map(MigrationJob::getStatus)
            .map(StatusPatch::snapshot)
            .orElse(null);
    MigrationJobStatus status = statusOf(resource);
    StatusConditions conditions = conditionsOf(resource, status);
    String message =
        e instanceof GoogleApiException
            ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    events.warning(resource, Reasons.RETRYING, "Reconcile", message);
    conditions.retrying(Reasons.RETRYING, message);
    ErrorStatusUpdateControl<MigrationJob> control =
        StatusPatch.changed(before, status)
            ? ErrorStatusUpdateControl.patchStatus(statusOnly(resource, status))
            : ErrorStatusUpdateControl.noStatusUpdate();
    return RetrySchedule.honourRetryAfter(control, e, context.getRetryInfo());
  }

  private static MigrationJobStatus statusOf(MigrationJob resource) {
    if (resource.getStatus() == null) {
      resource.setStatus(new MigrationJobStatus());
    }
    return resource.getStatus();
  }

  private StatusConditions conditionsOf(MigrationJob resource, MigrationJobStatus status) {
    Long generation = resource.getMetadata().getGeneration();
    return StatusConditions.of(status, generation == null ? 0 : generation, clock);
  }

  /** With server-side apply the status patch carries only identity and status. */
  private static MigrationJob statusOnly(MigrationJob resource, MigrationJobStatus status) {
    MigrationJob patch = new MigrationJob();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(resource.getMetadata().getName())
            .withNamespace(resource.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }

  private static ExternalRef ref(JobIdentity identity) {
    ExternalRef ref = new ExternalRef();
    ref.setName(identity.job().toString());
    ref.setProject(identity.job().project());
    ref.setLocation(identity.job().location());
    ref.setOwned(true);
    return ref;
  }

  private static String namespace(MigrationJob resource) {
    return resource.getMetadata().getNamespace();
  }

  private static String databaseName(MigrationJob job) {
    return job.getSpec().getDatabaseRef().getName();
  }

  private static String indexKey(String namespace, String database) {
    return namespace + "/" + database;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private Duration elapsedSince(String startTime) {
    try {
      return Duration.between(Instant.parse(startTime), Instant.now(clock));
    } catch (RuntimeException unreadable) {
      return Duration.ZERO;
    }
  }
}
