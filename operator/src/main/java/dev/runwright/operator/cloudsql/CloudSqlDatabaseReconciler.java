package dev.runwright.operator.cloudsql;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.cloudsql.DatabaseSpec;
import dev.runwright.operator.api.cloudsql.ManagementPolicy;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.PendingOperation;
import dev.runwright.operator.api.common.SecretVersionRef;
import dev.runwright.operator.config.OperatorConfig;
import dev.runwright.operator.gcp.AlreadyExistsException;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.NotFoundException;
import dev.runwright.operator.gcp.PermissionDeniedException;
import dev.runwright.operator.gcp.secrets.SecretVersionName;
import dev.runwright.operator.gcp.sql.SqlAdminApi;
import dev.runwright.operator.gcp.sql.SqlDatabaseName;
import dev.runwright.operator.gcp.sql.SqlInstance;
import dev.runwright.operator.gcp.sql.SqlInstanceSpec;
import dev.runwright.operator.gcp.sql.SqlOperation;
import dev.runwright.operator.gcp.sql.SqlOperationName;
import dev.runwright.operator.gcp.sql.SqlSettings;
import dev.runwright.operator.gcp.sql.SqlUserName;
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperationPolling;
import dev.runwright.operator.reconcile.OperatorServices;
import dev.runwright.operator.reconcile.OwnerLabels;
import dev.runwright.operator.reconcile.Resync;
import dev.runwright.operator.reconcile.RetrySchedule;
import dev.runwright.operator.status.StatusConditions;
import dev.runwright.operator.status.StatusPatch;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a CloudSqlDatabase: validate, identify, follow a running operation, then instance
 * (create, adopt or observe; correct declared settings), database, password version and user, and
 * publish the connection data. Every Google write starts at most one operation and ends the
 * reconcile; the operation is recorded in status and polled by rescheduling, never waited on.
 */
@ControllerConfiguration(name = CloudSqlDatabaseReconciler.NAME)
public final class CloudSqlDatabaseReconciler
    implements Reconciler<CloudSqlDatabase>, Cleaner<CloudSqlDatabase> {
  public static final String NAME = "cloudsqldatabase";

  private static final Logger LOG = LoggerFactory.getLogger(CloudSqlDatabaseReconciler.class);
  private static final Duration INSTANCE_STATE_POLL = Duration.ofSeconds(5);

  private final SqlAdminApi sql;
  private final PasswordVersions passwords;
  private final OperatorConfig config;
  private final Clock clock;
  private final Resync resync;
  private final KubeEvents events;
  private final CloudSqlDeletion deletion;
  private final FailedOperations failedOperations = new FailedOperations();

  public CloudSqlDatabaseReconciler(OperatorServices services) {
    this.sql = services.google().sqlAdmin();
    this.passwords =
        new PasswordVersions(
            services.google().secrets(), new PasswordGenerator(new SecureRandom()));
    this.config = services.config();
    this.clock = services.clock();
    this.resync = services.resync();
    this.events = services.events();
    this.deletion =
        new CloudSqlDeletion(
            sql, services.google().secrets(), events, resync, config.defaultProject(), clock);
  }

  @Override
  public UpdateControl<CloudSqlDatabase> reconcile(
      CloudSqlDatabase resource, Context<CloudSqlDatabase> context) {
    CloudSqlDatabaseStatus before = StatusPatch.snapshot(resource.getStatus());
    CloudSqlDatabaseStatus status = statusOf(resource);
    StatusConditions conditions = conditionsOf(resource, status);
    Duration next;
    try {
      next = converge(resource, status, conditions);
    } catch (SpecProblem problem) {
      next = stall(resource, before, conditions, problem.reason(), problem.getMessage());
      if (Reasons.OPERATION_FAILED.equals(problem.reason())) {
        // Stalled shows Google's message; the step is still tried again later, slowly.
        next = failedOperations.failed(resource, next);
      }
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
    UpdateControl<CloudSqlDatabase> control =
        StatusPatch.changed(before, status)
            ? UpdateControl.patchStatus(statusOnly(resource, status))
            : UpdateControl.noUpdate();
    return control.rescheduleAfter(next);
  }

  /** The script: each step either finishes or says how long to wait before looking again. */
  private Duration converge(
      CloudSqlDatabase resource, CloudSqlDatabaseStatus status, StatusConditions conditions) {
    CloudSqlDatabaseSpec spec = resource.getSpec();
    if (!config.regionAllowed(spec.getRegion())) {
      throw new SpecProblem(
          Reasons.REGION_NOT_ALLOWED,
          "region "
              + spec.getRegion()
              + " is not among the regions this operator may use: "
              + config.allowedRegions());
    }
    CloudSqlIdentity id = CloudSqlIdentity.resolve(resource, config.defaultProject());
    boolean manage = spec.getManagementPolicy() != ManagementPolicy.Observe;

    Optional<Duration> wait = followPendingOperation(resource, status, conditions);
    if (wait.isPresent()) {
      return wait.get();
    }
    Optional<SqlInstance> found = sql.findInstance(id.instance());
    if (found.isEmpty()) {
      if (!manage) {
        throw new SpecProblem(
            Reasons.INSTANCE_NOT_FOUND,
            "Cloud SQL instance "
                + id.instance()
                + " does not exist; managementPolicy Observe never creates it");
      }
      return createInstance(resource, id, status, conditions);
    }
    SqlInstance instance = found.get();
    claimInstance(resource, id, instance, manage, status);
    publishInstance(instance, status);
    wait = instanceUsable(instance, conditions);
    if (wait.isPresent()) {
      return wait.get();
    }
    if (manage) {
      SqlSettings declared = DesiredInstance.settings(spec.getInstance());
      SqlSettings patch = SettingsDrift.patch(declared, instance.settings());
      if (!patch.isEmpty()) {
        return updateInstance(resource, instance, patch, status, conditions);
      }
      status.setAppliedSettingsHash(SettingsHash.of(declared));
    }
    conditions.set(
        Reasons.INSTANCE_READY,
        ConditionStatus.True,
        Reasons.READY,
        "Instance "
            + id.instance()
            + " is RUNNABLE"
            + (manage ? "" : " (observed, never changed)"));

    if (id.database().isPresent()) {
      wait = ensureDatabase(resource, id.database().get(), manage, status, conditions);
      if (wait.isPresent()) {
        return wait.get();
      }
    }
    if (id.user().isPresent()) {
      wait = ensureUser(resource, id, manage, status, conditions);
      if (wait.isPresent()) {
        return wait.get();
      }
    }
    conditions.ready(Reasons.READY, readyMessage(status));
    return resync.next();
  }

  private Optional<Duration> followPendingOperation(
      CloudSqlDatabase resource, CloudSqlDatabaseStatus status, StatusConditions conditions) {
    PendingOperation pending = status.getPendingOperation();
    if (pending == null) {
      return Optional.empty();
    }
    SqlOperation operation;
    try {
      operation = sql.getOperation(SqlOperationName.parse(pending.getName()));
    } catch (NotFoundException gone) {
      // Forgotten by Google: look at the resources themselves again.
      status.setPendingOperation(null);
      return Optional.empty();
    }
    if (!operation.done()) {
      conditions.reconciling(
          reasonWhileRunning(pending.getAction()),
          pending.getAction()
              + " of "
              + pending.getTarget()
              + " is running (operation "
              + pending.getName()
              + ")");
      return Optional.of(OperationPolling.nextPoll(elapsedSince(pending.getStartTime())));
    }
    status.setPendingOperation(null);
    if (operation.failed()) {
      String errors =
          operation.errors().stream()
              .map(e -> e.code() + ": " + e.message())
              .collect(Collectors.joining("; "));
      String message = "Cloud SQL " + pending.getAction() + " failed: " + errors;
      throw new SpecProblem(Reasons.OPERATION_FAILED, message);
    }
    failedOperations.forget(resource);
    events.normal(
        resource,
        pending.getAction() + "Done",
        pending.getAction(),
        pending.getAction() + " of " + pending.getTarget() + " finished");
    if (Actions.SETS_PASSWORD.contains(pending.getAction())) {
      status.setPasswordSecret(versionRef(SecretVersionName.parse(pending.getTarget())));
    }
    return Optional.empty();
  }

  private Duration createInstance(
      CloudSqlDatabase resource,
      CloudSqlIdentity id,
      CloudSqlDatabaseStatus status,
      StatusConditions conditions) {
    var declared = resource.getSpec().getInstance();
    var spec =
        new SqlInstanceSpec(
            id.instance(),
            declared.getDatabaseVersion().name(),
            id.region(),
            DesiredInstance.settings(declared),
            OwnerLabels.of(resource));
    SqlOperationName operation;
    try {
      operation = sql.createInstance(spec);
    } catch (AlreadyExistsException e) {
      // Not found a moment ago: Cloud SQL keeps deleted names reserved for a while.
      throw new SpecProblem(Reasons.INSTANCE_EXISTS, e.getMessage());
    }
    status.setExternalRef(ref(id.instance().toString(), id, true));
    return started(
        resource,
        status,
        conditions,
        operation,
        Actions.CREATE_INSTANCE,
        id.instance().toString(),
        Reasons.CREATING_INSTANCE,
        "Creating Cloud SQL instance "
            + id.instance()
            + " ("
            + declared.getDatabaseVersion()
            + ", "
            + declared.getTier()
            + ", "
            + id.region()
            + ")");
  }

  /**
   * Decides whose instance this is: recorded as ours, labelled as created by this resource (a
   * restart lost the status), adopted on request, or observed; anything else is refused.
   */
  private void claimInstance(
      CloudSqlDatabase resource,
      CloudSqlIdentity id,
      SqlInstance instance,
      boolean manage,
      CloudSqlDatabaseStatus status) {
    ExternalRef recorded = status.getExternalRef();
    if (!manage) {
      status.setExternalRef(ref(id.instance().toString(), id, false));
      return;
    }
    if (recorded != null && Boolean.TRUE.equals(recorded.getOwned())) {
      return;
    }
    boolean ours = OwnerLabels.ownedBy(instance.labels(), resource);
    boolean adopt = Boolean.TRUE.equals(resource.getSpec().getInstance().getAdoptExisting());
    if (!ours && !adopt) {
      throw new SpecProblem(
          Reasons.INSTANCE_EXISTS,
          "Cloud SQL instance "
              + id.instance()
              + " already exists and was not created by this resource; set"
              + " spec.instance.adoptExisting: true to manage it, or managementPolicy: Observe to"
              + " only read it");
    }
    if (!ours) {
      events.normal(
          resource,
          "InstanceAdopted",
          "AdoptInstance",
          "Adopted Cloud SQL instance " + id.instance());
    }
    status.setExternalRef(ref(id.instance().toString(), id, true));
  }

  private Optional<Duration> instanceUsable(SqlInstance instance, StatusConditions conditions) {
    return switch (instance.state()) {
      case RUNNABLE -> Optional.empty();
      case FAILED ->
          throw new SpecProblem(
              Reasons.INSTANCE_FAILED,
              "Cloud SQL instance " + instance.name() + " is in state FAILED");
      default -> {
        String message =
            "Cloud SQL instance " + instance.name() + " is " + instance.state() + ", not RUNNABLE";
        conditions.set(
            Reasons.INSTANCE_READY, ConditionStatus.False, Reasons.INSTANCE_NOT_RUNNABLE, message);
        conditions.reconciling(Reasons.INSTANCE_NOT_RUNNABLE, message);
        yield Optional.of(INSTANCE_STATE_POLL);
      }
    };
  }

  private Duration updateInstance(
      CloudSqlDatabase resource,
      SqlInstance instance,
      SqlSettings patch,
      CloudSqlDatabaseStatus status,
      StatusConditions conditions) {
    String fields = String.join(", ", SettingsDrift.fieldNames(patch));
    SqlOperationName operation =
        sql.patchInstance(instance.name(), patch, instance.settingsVersion());
    return started(
        resource,
        status,
        conditions,
        operation,
        Actions.UPDATE_INSTANCE,
        instance.name().toString(),
        Reasons.UPDATING_INSTANCE,
        "Setting " + fields + " on Cloud SQL instance " + instance.name());
  }

  private Optional<Duration> ensureDatabase(
      CloudSqlDatabase resource,
      SqlDatabaseName name,
      boolean manage,
      CloudSqlDatabaseStatus status,
      StatusConditions conditions) {
    status.setDatabaseRef(ref(name.toString(), null, manage));
    if (sql.findDatabase(name).isEmpty()) {
      DatabaseSpec declared = resource.getSpec().getDatabase();
      String charset = declared.getCharset() == null ? "utf8mb4" : declared.getCharset();
      String collation =
          declared.getCollation() == null ? "utf8mb4_0900_ai_ci" : declared.getCollation();
      SqlOperationName operation;
      try {
        operation = sql.createDatabase(name, charset, collation);
      } catch (AlreadyExistsException raced) {
        return Optional.of(OperationPolling.MIN);
      }
      return Optional.of(
          started(
              resource,
              status,
              conditions,
              operation,
              Actions.CREATE_DATABASE,
              name.toString(),
              Reasons.CREATING_DATABASE,
              "Creating database " + name));
    }
    status.setDatabaseName(name.database());
    conditions.set(
        Reasons.DATABASE_READY,
        ConditionStatus.True,
        Reasons.READY,
        "Database " + name + " exists");
    return Optional.empty();
  }

  private Optional<Duration> ensureUser(
      CloudSqlDatabase resource,
      CloudSqlIdentity id,
      boolean manage,
      CloudSqlDatabaseStatus status,
      StatusConditions conditions) {
    SqlUserName user = id.user().orElseThrow();
    String token = resource.getSpec().getUser().getRotationToken();
    PasswordVersions.Outcome password =
        passwords.ensure(id.passwordSecret().orElseThrow(), token, resource);
    if (password.secretCreated()) {
      events.normal(
          resource,
          "PasswordSecretCreated",
          "CreateSecret",
          "Created Secret Manager secret " + id.passwordSecret().orElseThrow());
    }
    if (password.versionAdded()) {
      LOG.info("Stored a new generated password as {}", password.version());
      events.normal(
          resource,
          "PasswordVersionAdded",
          "AddSecretVersion",
          "Stored a new generated password as " + password.version());
    }
    status.setUserRef(ref(id.instance() + "/users/" + user.user(), null, manage));
    SecretVersionRef applied = status.getPasswordSecret();
    boolean current =
        applied != null && password.version().toString().equals(applied.getVersionName());
    if (!sql.userExists(user)) {
      SqlOperationName operation;
      try {
        operation = sql.createUser(user, passwords.value(password.version()));
      } catch (AlreadyExistsException raced) {
        return Optional.of(OperationPolling.MIN);
      }
      return Optional.of(
          started(
              resource,
              status,
              conditions,
              operation,
              Actions.CREATE_USER,
              password.version().toString(),
              Reasons.CREATING_USER,
              "Creating MySQL user "
                  + user.user()
                  + " with the password of "
                  + password.version()));
    }
    if (!current) {
      SqlOperationName operation = sql.setUserPassword(user, passwords.value(password.version()));
      return Optional.of(
          started(
              resource,
              status,
              conditions,
              operation,
              Actions.SET_USER_PASSWORD,
              password.version().toString(),
              Reasons.SETTING_PASSWORD,
              "Setting the password of MySQL user "
                  + user.user()
                  + " to the one in "
                  + password.version()));
    }
    status.setUserName(user.user());
    status.setAppliedRotationToken(token);
    conditions.set(
        Reasons.USER_READY,
        ConditionStatus.True,
        Reasons.READY,
        "User " + user.user() + " has the password of " + password.version());
    return Optional.empty();
  }

  /** Records a started operation, says so, and polls it soon. */
  private Duration started(
      CloudSqlDatabase resource,
      CloudSqlDatabaseStatus status,
      StatusConditions conditions,
      SqlOperationName operation,
      String action,
      String target,
      String reason,
      String message) {
    PendingOperation pending = new PendingOperation();
    pending.setName(operation.toString());
    pending.setAction(action);
    pending.setTarget(target);
    pending.setStartTime(
        Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    status.setPendingOperation(pending);
    LOG.info("{} (operation {})", message, operation);
    events.normal(resource, reason, action, message);
    conditions.reconciling(reason, message);
    return OperationPolling.MIN;
  }

  private void publishInstance(SqlInstance instance, CloudSqlDatabaseStatus status) {
    status.setConnectionName(instance.connectionName());
    status.setSocketPath(instance.socketPath());
    status.setInstanceState(instance.state().name());
    status.setDatabaseVersion(instance.databaseVersion());
  }

  private Duration stall(
      CloudSqlDatabase resource,
      CloudSqlDatabaseStatus before,
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
   * resource is Ready (one failed resync read must not make a healthy database look broken).
   */
  @Override
  public ErrorStatusUpdateControl<CloudSqlDatabase> updateErrorStatus(
      CloudSqlDatabase resource, Context<CloudSqlDatabase> context, Exception e) {
    CloudSqlDatabaseStatus before =
        context
            .getPrimaryCache()
            .get(ResourceID.fromResource(resource))
            .map(CloudSqlDatabase::getStatus)
            .map(StatusPatch::snapshot)
            .orElse(null);
    CloudSqlDatabaseStatus status = statusOf(resource);
    StatusConditions conditions = conditionsOf(resource, status);
    String message =
        e instanceof GoogleApiException
            ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    events.warning(resource, Reasons.RETRYING, "Reconcile", message);
    conditions.retrying(Reasons.RETRYING, message);
    ErrorStatusUpdateControl<CloudSqlDatabase> control =
        StatusPatch.changed(before, status)
            ? ErrorStatusUpdateControl.patchStatus(statusOnly(resource, status))
            : ErrorStatusUpdateControl.noStatusUpdate();
    return RetrySchedule.honourRetryAfter(control, e, context.getRetryInfo());
  }

  @Override
  public DeleteControl cleanup(CloudSqlDatabase resource, Context<CloudSqlDatabase> context) {
    failedOperations.forget(resource);
    return deletion.delete(resource, context.getRetryInfo());
  }

  private static CloudSqlDatabaseStatus statusOf(CloudSqlDatabase resource) {
    if (resource.getStatus() == null) {
      resource.setStatus(new CloudSqlDatabaseStatus());
    }
    return resource.getStatus();
  }

  private StatusConditions conditionsOf(CloudSqlDatabase resource, CloudSqlDatabaseStatus status) {
    Long generation = resource.getMetadata().getGeneration();
    return StatusConditions.of(status, generation == null ? 0 : generation, clock);
  }

  /**
   * With server-side apply the status patch carries only identity and status, so the operator never
   * claims ownership of spec fields.
   */
  private static CloudSqlDatabase statusOnly(
      CloudSqlDatabase resource, CloudSqlDatabaseStatus status) {
    CloudSqlDatabase patch = new CloudSqlDatabase();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(resource.getMetadata().getName())
            .withNamespace(resource.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }

  private static ExternalRef ref(String name, CloudSqlIdentity id, boolean owned) {
    ExternalRef ref = new ExternalRef();
    ref.setName(name);
    if (id != null) {
      ref.setProject(id.instance().project());
      ref.setLocation(id.region());
    }
    ref.setOwned(owned);
    return ref;
  }

  private static SecretVersionRef versionRef(SecretVersionName version) {
    SecretVersionRef ref = new SecretVersionRef();
    ref.setSecret(version.secretName().toString());
    ref.setVersion(version.version());
    ref.setVersionName(version.toString());
    return ref;
  }

  private static String reasonWhileRunning(String action) {
    return switch (action) {
      case Actions.CREATE_INSTANCE -> Reasons.CREATING_INSTANCE;
      case Actions.UPDATE_INSTANCE -> Reasons.UPDATING_INSTANCE;
      case Actions.CREATE_DATABASE -> Reasons.CREATING_DATABASE;
      case Actions.CREATE_USER -> Reasons.CREATING_USER;
      case Actions.SET_USER_PASSWORD -> Reasons.SETTING_PASSWORD;
      default -> Reasons.WAITING_FOR_OPERATION;
    };
  }

  private Duration elapsedSince(String startTime) {
    try {
      return Duration.between(Instant.parse(startTime), Instant.now(clock));
    } catch (RuntimeException unreadable) {
      return Duration.ZERO;
    }
  }

  private static String readyMessage(CloudSqlDatabaseStatus status) {
    StringBuilder message = new StringBuilder("Connect through ").append(status.getSocketPath());
    if (status.getDatabaseName() != null) {
      message.append(" to database ").append(status.getDatabaseName());
    }
    if (status.getUserName() != null && status.getPasswordSecret() != null) {
      message
          .append(" as ")
          .append(status.getUserName())
          .append(" with the password in ")
          .append(status.getPasswordSecret().getVersionName());
    }
    return message.toString();
  }
}
