package dev.runwright.operator.cloudsql;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.cloudsql.ManagementPolicy;
import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.gcp.ConflictException;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretsApi;
import dev.runwright.operator.gcp.sql.SqlAdminApi;
import dev.runwright.operator.gcp.sql.SqlDatabaseName;
import dev.runwright.operator.gcp.sql.SqlInstance;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import dev.runwright.operator.gcp.sql.SqlSettings;
import dev.runwright.operator.gcp.sql.SqlUserName;
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperationPolling;
import dev.runwright.operator.reconcile.OwnerLabels;
import dev.runwright.operator.reconcile.Resync;
import dev.runwright.operator.reconcile.RetrySchedule;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a CloudSqlDatabase does to Google resources. {@code Retain}: nothing. {@code
 * Delete}: the instance when this resource owns it and deletion protection is off (turning Cloud
 * SQL's own switch off first if it is on), else the user and the database; then the password secret
 * this resource created. NotFound is success. Each step starts at most one operation and checks
 * back later, so an operation still running on the instance (a conflict) only means "not yet"; a
 * delete whose operation failed is started again, no more often than the polling of an operation of
 * the deletion's age.
 *
 * <p>Names recorded in status win. A reconcile can create the instance or the secret and lose the
 * status that records it (the operator killed, or Google's answer lost after the insert ran); then
 * the names come from spec, and what they name is deleted only if it carries this resource's owner
 * labels, so someone else's, an adopted or an observed instance is never touched.
 */
final class CloudSqlDeletion {
  private static final Logger LOG = LoggerFactory.getLogger(CloudSqlDeletion.class);

  private final SqlAdminApi sql;
  private final SecretsApi secrets;
  private final KubeEvents events;
  private final Resync resync;
  private final Optional<String> defaultProject;
  private final Clock clock;

  CloudSqlDeletion(
      SqlAdminApi sql,
      SecretsApi secrets,
      KubeEvents events,
      Resync resync,
      Optional<String> defaultProject,
      Clock clock) {
    this.sql = sql;
    this.secrets = secrets;
    this.events = events;
    this.resync = resync;
    this.defaultProject = defaultProject;
    this.clock = clock;
  }

  DeleteControl delete(CloudSqlDatabase resource, Optional<RetryInfo> retry) {
    if (resource.getSpec().getDeletionPolicy() != DeletionPolicy.Delete
        || resource.getSpec().getManagementPolicy() == ManagementPolicy.Observe) {
      return DeleteControl.defaultDelete();
    }
    CloudSqlIdentity id;
    try {
      id = CloudSqlIdentity.resolve(resource, defaultProject);
    } catch (SpecProblem noProject) {
      return DeleteControl.defaultDelete(); // nothing was ever created without a project
    }
    try {
      Optional<String> waiting = deleteStep(resource, id);
      if (waiting.isPresent()) {
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(nextLook(resource));
      }
      return DeleteControl.defaultDelete();
    } catch (ConflictException busy) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(nextLook(resource));
    } catch (GoogleApiException e) {
      if (e.isTransient()) {
        return RetrySchedule.retryAfter(e, retry)
            .map(wait -> DeleteControl.noFinalizerRemoval().rescheduleAfter(wait))
            .orElseThrow(() -> e);
      }
      events.warning(resource, "DeletionFailed", "Delete", e.getMessage());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(resync.next());
    }
  }

  /** Deletes the next remaining resource; empty when nothing is left to delete. */
  private Optional<String> deleteStep(CloudSqlDatabase resource, CloudSqlIdentity id) {
    CloudSqlDatabaseStatus status =
        resource.getStatus() == null ? new CloudSqlDatabaseStatus() : resource.getStatus();
    SqlInstanceName instanceName = id.instance();
    Optional<SqlInstance> instance = Optional.empty();
    boolean owned;
    if (status.getExternalRef() != null) {
      owned = Boolean.TRUE.equals(status.getExternalRef().getOwned());
    } else {
      instance = sql.findInstance(instanceName);
      owned = instance.map(i -> OwnerLabels.ownedBy(i.labels(), resource)).orElse(false);
    }
    boolean protectedBySpec = DesiredInstance.deletionProtection(resource.getSpec().getInstance());
    if (owned && !protectedBySpec) {
      if (status.getExternalRef() != null) {
        instance = sql.findInstance(instanceName);
      }
      if (instance.isPresent()) {
        if (instance.get().settings().deletionProtection().orElse(false)) {
          sql.patchInstance(
              instanceName,
              SqlSettings.none().withDeletionProtection(false),
              instance.get().settingsVersion());
          changed(
              resource,
              "DisablingDeletionProtection",
              "Delete",
              "Turning off deletion protection of " + instanceName + " before deleting it");
          return Optional.of("deletion protection");
        }
        sql.deleteInstance(instanceName);
        changed(resource, "DeletingInstance", "Delete", "Deleting " + instanceName);
        return Optional.of("instance");
      }
    } else {
      if (owned) {
        events.normal(
            resource,
            "InstanceRetained",
            "Delete",
            "Keeping " + instanceName + ": spec.instance.deletionProtection is on");
      }
      Optional<SqlUserName> user = ownedUser(status, id, owned);
      if (user.isPresent() && sql.deleteUser(user.get()).isPresent()) {
        changed(resource, "DeletingUser", "Delete", "Deleting " + user.get());
        return Optional.of("user");
      }
      Optional<SqlDatabaseName> database = ownedDatabase(status, id, owned);
      if (database.isPresent() && sql.deleteDatabase(database.get()).isPresent()) {
        changed(resource, "DeletingDatabase", "Delete", "Deleting " + database.get());
        return Optional.of("database");
      }
    }
    deleteOwnSecret(resource, id);
    return Optional.empty();
  }

  /** The recorded user, or, on an instance this resource owns, the declared one. */
  private static Optional<SqlUserName> ownedUser(
      CloudSqlDatabaseStatus status, CloudSqlIdentity id, boolean instanceOwned) {
    if (ownedRef(status.getUserRef())) {
      String userName = status.getUserRef().getName();
      String user = userName.substring(userName.lastIndexOf("/users/") + "/users/".length());
      return Optional.of(id.instance().user(user, CloudSqlIdentity.ANY_HOST));
    }
    return instanceOwned ? id.user() : Optional.empty();
  }

  /** The recorded database, or, on an instance this resource owns, the declared one. */
  private static Optional<SqlDatabaseName> ownedDatabase(
      CloudSqlDatabaseStatus status, CloudSqlIdentity id, boolean instanceOwned) {
    if (ownedRef(status.getDatabaseRef())) {
      return Optional.of(SqlDatabaseName.parse(status.getDatabaseRef().getName()));
    }
    return instanceOwned ? id.database() : Optional.empty();
  }

  /** The recorded or declared password secret, deleted only if this resource created it. */
  private void deleteOwnSecret(CloudSqlDatabase resource, CloudSqlIdentity id) {
    if (id.passwordSecret().isEmpty()) {
      return;
    }
    SecretName name = id.passwordSecret().get();
    boolean ours =
        secrets
            .findSecret(name)
            .map(secret -> OwnerLabels.ownedBy(secret.labels(), resource))
            .orElse(false);
    if (ours && secrets.deleteSecret(name)) {
      changed(resource, "PasswordSecretDeleted", "Delete", "Deleted " + name);
    }
  }

  /**
   * When to look again at a deletion under way: as an operation of the deletion's age is polled (1
   * s at first, at most 30 s), so a long or failing instance deletion is not hammered.
   */
  private Duration nextLook(CloudSqlDatabase resource) {
    String since = resource.getMetadata().getDeletionTimestamp();
    try {
      return OperationPolling.nextPoll(Duration.between(Instant.parse(since), clock.instant()));
    } catch (RuntimeException unreadable) {
      return OperationPolling.MIN;
    }
  }

  /** A change to Google resources: logged and published as an Event. */
  private void changed(CloudSqlDatabase resource, String reason, String action, String note) {
    LOG.info("{}", note);
    events.normal(resource, reason, action, note);
  }

  private static boolean ownedRef(ExternalRef ref) {
    return ref != null && ref.getName() != null && Boolean.TRUE.equals(ref.getOwned());
  }
}
