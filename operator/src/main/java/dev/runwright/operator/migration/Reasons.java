package dev.runwright.operator.migration;

/** CamelCase condition types, reasons and Event reasons of MigrationJob, in one place. */
final class Reasons {
  /** Domain condition: the current release's migration succeeded. */
  static final String MIGRATION_SUCCEEDED = "MigrationSucceeded";

  static final String SUCCEEDED = "Succeeded";
  static final String RUNNING = "ExecutionRunning";
  static final String STARTING = "StartingExecution";
  static final String CREATING_JOB = "CreatingJob";
  static final String DEPENDENCY_NOT_READY = "DependencyNotReady";
  static final String WAITING_FOR_LOCK = "WaitingForDatabaseLock";
  static final String EXECUTION_FAILED = "ExecutionFailed";
  static final String EXECUTION_CANCELLED = "ExecutionCancelled";
  static final String START_FAILED = "StartFailed";
  static final String ENV_CONFLICT = "EnvConflict";
  static final String NO_PROJECT = "NoProject";
  static final String REGION_NOT_ALLOWED = "RegionNotAllowed";
  static final String SERVICE_ACCOUNT_UNKNOWN = "ServiceAccountUnknown";
  static final String GOOGLE_REJECTED = "GoogleRejected";
  static final String PERMISSION_DENIED = "PermissionDenied";
  static final String RETRYING = "RetryingAfterError";

  /** Event reasons. */
  static final String EXECUTION_STARTED = "ExecutionStarted";

  static final String MIGRATION_FAILED = "MigrationFailed";
  static final String SECRET_ACCESS_GRANTED = "SecretAccessGranted";
  static final String JOB_CREATED = "JobCreated";

  private Reasons() {}
}
