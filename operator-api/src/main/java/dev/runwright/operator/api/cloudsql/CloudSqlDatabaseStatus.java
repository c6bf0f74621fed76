package dev.runwright.operator.api.cloudsql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.common.Condition;
import dev.runwright.operator.api.common.ConditionedStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.PendingOperation;
import dev.runwright.operator.api.common.SecretVersionRef;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a CloudSqlDatabase, written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudSqlDatabaseStatus implements ConditionedStatus {
  @JsonPropertyDescription("metadata.generation the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Reconciling and Stalled (kstatus) plus domain conditions such as InstanceReady,"
          + " DatabaseReady, UserReady.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The Cloud SQL instance: projects/PROJECT/instances/INSTANCE.")
  private ExternalRef externalRef;

  @JsonPropertyDescription("The database: projects/PROJECT/instances/INSTANCE/databases/NAME.")
  private ExternalRef databaseRef;

  @JsonPropertyDescription("The user: projects/PROJECT/instances/INSTANCE/users/NAME.")
  private ExternalRef userRef;

  @JsonPropertyDescription("Instance connection name PROJECT:REGION:INSTANCE.")
  private String connectionName;

  @JsonPropertyDescription(
      "Unix socket directory the Cloud SQL volume mounts, /cloudsql/PROJECT:REGION:INSTANCE.")
  private String socketPath;

  @JsonPropertyDescription("Database name consumers connect to.")
  private String databaseName;

  @JsonPropertyDescription("User name consumers connect as.")
  private String userName;

  @JsonPropertyDescription(
      "Secret Manager secret and pinned version holding the user's password; consumers mount"
          + " exactly this version.")
  private SecretVersionRef passwordSecret;

  @JsonPropertyDescription(
      "The spec.user.rotationToken the current password was generated for; a different token in"
          + " spec triggers exactly one rotation.")
  private String appliedRotationToken;

  @JsonPropertyDescription("Instance state reported by Cloud SQL, e.g. RUNNABLE.")
  private String instanceState;

  @JsonPropertyDescription("MySQL version reported by Cloud SQL, e.g. MYSQL_8_0.")
  private String databaseVersion;

  @JsonPropertyDescription(
      "Hash of the instance settings last written to Cloud SQL; the operator writes again only"
          + " when the desired settings hash differs or drift is observed.")
  private String appliedSettingsHash;

  @JsonPropertyDescription(
      "A long-running Cloud SQL operation in flight, polled until done (survives restarts).")
  private PendingOperation pendingOperation;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public ExternalRef getExternalRef() {
    return externalRef;
  }

  public void setExternalRef(ExternalRef externalRef) {
    this.externalRef = externalRef;
  }

  public ExternalRef getDatabaseRef() {
    return databaseRef;
  }

  public void setDatabaseRef(ExternalRef databaseRef) {
    this.databaseRef = databaseRef;
  }

  public ExternalRef getUserRef() {
    return userRef;
  }

  public void setUserRef(ExternalRef userRef) {
    this.userRef = userRef;
  }

  public String getConnectionName() {
    return connectionName;
  }

  public void setConnectionName(String connectionName) {
    this.connectionName = connectionName;
  }

  public String getSocketPath() {
    return socketPath;
  }

  public void setSocketPath(String socketPath) {
    this.socketPath = socketPath;
  }

  public String getDatabaseName() {
    return databaseName;
  }

  public void setDatabaseName(String databaseName) {
    this.databaseName = databaseName;
  }

  public String getUserName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
  }

  public SecretVersionRef getPasswordSecret() {
    return passwordSecret;
  }

  public void setPasswordSecret(SecretVersionRef passwordSecret) {
    this.passwordSecret = passwordSecret;
  }

  public String getAppliedRotationToken() {
    return appliedRotationToken;
  }

  public void setAppliedRotationToken(String appliedRotationToken) {
    this.appliedRotationToken = appliedRotationToken;
  }

  public String getInstanceState() {
    return instanceState;
  }

  public void setInstanceState(String instanceState) {
    this.instanceState = instanceState;
  }

  public String getDatabaseVersion() {
    return databaseVersion;
  }

  public void setDatabaseVersion(String databaseVersion) {
    this.databaseVersion = databaseVersion;
  }

  public String getAppliedSettingsHash() {
    return appliedSettingsHash;
  }

  public void setAppliedSettingsHash(String appliedSettingsHash) {
    this.appliedSettingsHash = appliedSettingsHash;
  }

  public PendingOperation getPendingOperation() {
    return pendingOperation;
  }

  public void setPendingOperation(PendingOperation pendingOperation) {
    this.pendingOperation = pendingOperation;
  }
}
