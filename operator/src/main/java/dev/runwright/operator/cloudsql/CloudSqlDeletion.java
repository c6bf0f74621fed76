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
import dev.runwright.operator.reconcile.KubeEvents;
import dev.runwright.operator.reconcile.OperationPolling;
import dev.runwright.operator.reconcile.OwnerLabels;
import dev.runwright.operator.reconcile.Resync;
import dev.runwright.operator.reconcile.RetrySchedule;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a CloudSqlDatabase does to Google resources, from the names recorded in status
 * (never re-resolved from spec). {@code Retain}: nothing. {@code Delete}: the instance when this
 * resource owns it and deletion protection is off (turning Cloud SQL's own switch off first if it
 * is on), else the user and the database; then the password secret this resource created. NotFound
 * is success. Each step starts at most one operation and checks back later, so an operation still
 * running on the instance (a conflict) only means "not yet".
 */
final class CloudSqlDeletion {
  private static final Logger LOG = LoggerFactory.getLogger(CloudSqlDeletion.class);

  private final SqlAdminApi sql;
  private final SecretsApi secrets;
  private final KubeEvents events;
  private final Resync resync;

  CloudSqlDeletion(SqlAdminApi sql, SecretsApi secrets, KubeEvents events, Resync resync) {
    this.sql = sql;
    this.secrets = secrets;
    this.events = events;
    this.resync = resync;
  }

  DeleteControl delete(CloudSqlDatabase resource, Optional<RetryInfo> retry) {
    CloudSqlDatabaseStatus status = resource.getStatus();
    if (resource.getSpec().getDeletionPolicy() != DeletionPolicy.Delete
        || resource.getSpec().getManagementPolicy() == ManagementPolicy.Observe
        || status == null
        || status.getExternalRef() == null) {
      return DeleteControl.defaultDelete();
    }
    try {
      Optional<String> waiting = deleteStep(resource, status);
      if (waiting.isPresent()) {
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(OperationPolling.MIN);
      }
      return DeleteControl.defaultDelete();
    } catch (ConflictException busy) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(OperationPolling.MIN);
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
  private Optional<String> deleteStep(CloudSqlDatabase resource, CloudSqlDatabaseStatus status) {
    ExternalRef instanceRef = status.getExternalRef();
    SqlInstanceName instanceName = SqlInstanceName.parse(instanceRef.getName());
    boolean owned = Boolean.TRUE.equals(instanceRef.getOwned());
    boolean protectedBySpec = DesiredInstance.deletionProtection(resource.getSpec().getInstance());
    if (owned && !protectedBySpec) {
      Optional<SqlInstance> instance = sql.findInstance(instanceName);
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
      if (owned && protectedBySpec) {
        events.normal(
            resource,
            "InstanceRetained",
            "Delete",
            "Keeping " + instanceName + ": spec.instance.deletionProtection is on");
      }
      if (ownedRef(status.getUserRef())) {
        String userName = status.getUserRef().getName();
        String user = userName.substring(userName.lastIndexOf("/users/") + "/users/".length());
        if (sql.deleteUser(instanceName.user(user, CloudSqlIdentity.ANY_HOST)).isPresent()) {
          changed(resource, "DeletingUser", "Delete", "Deleting " + userName);
          return Optional.of("user");
        }
      }
      if (ownedRef(status.getDatabaseRef())) {
        SqlDatabaseName database = SqlDatabaseName.parse(status.getDatabaseRef().getName());
        if (sql.deleteDatabase(database).isPresent()) {
          changed(resource, "DeletingDatabase", "Delete", "Deleting " + database);
          return Optional.of("database");
        }
      }
    }
    deleteOwnSecret(resource, status);
    return Optional.empty();
  }

  private void deleteOwnSecret(CloudSqlDatabase resource, CloudSqlDatabaseStatus status) {
    if (status.getPasswordSecret() == null || status.getPasswordSecret().getSecret() == null) {
      return;
    }
    SecretName name = SecretName.parse(status.getPasswordSecret().getSecret());
    boolean ours =
        secrets
            .findSecret(name)
            .map(secret -> OwnerLabels.ownedBy(secret.labels(), resource))
            .orElse(false);
    if (ours && secrets.deleteSecret(name)) {
      changed(resource, "PasswordSecretDeleted", "Delete", "Deleted " + name);
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
