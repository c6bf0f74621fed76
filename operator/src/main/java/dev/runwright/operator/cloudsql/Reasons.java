package dev.runwright.operator.cloudsql;

/** CamelCase condition types and reasons of CloudSqlDatabase, in one place. */
final class Reasons {
  static final String INSTANCE_READY = "InstanceReady";
  static final String DATABASE_READY = "DatabaseReady";
  static final String USER_READY = "UserReady";

  static final String READY = "Ready";
  static final String CREATING_INSTANCE = "CreatingInstance";
  static final String UPDATING_INSTANCE = "UpdatingInstance";
  static final String INSTANCE_NOT_RUNNABLE = "InstanceNotRunnable";
  static final String CREATING_DATABASE = "CreatingDatabase";
  static final String CREATING_USER = "CreatingUser";
  static final String SETTING_PASSWORD = "SettingPassword";
  static final String WAITING_FOR_OPERATION = "WaitingForOperation";
  static final String OPERATION_FAILED = "OperationFailed";
  static final String INSTANCE_NOT_FOUND = "InstanceNotFound";
  static final String INSTANCE_EXISTS = "InstanceExists";
  static final String INSTANCE_FAILED = "InstanceFailed";
  static final String REGION_NOT_ALLOWED = "RegionNotAllowed";
  static final String GOOGLE_REJECTED = "GoogleRejected";
  static final String PERMISSION_DENIED = "PermissionDenied";
  static final String RETRYING = "RetryingAfterError";

  private Reasons() {}
}
