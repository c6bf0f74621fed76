package dev.runwright.operator.cloudrun;

/** CamelCase reasons of CloudRunService conditions and Events. */
final class Reasons {
  static final String SERVING = "Serving";
  static final String MIGRATION_PENDING = "MigrationPending";
  static final String MIGRATION_FAILED = "MigrationFailed";
  static final String MIGRATION_SUCCEEDED = "MigrationSucceeded";
  static final String NO_MIGRATION_GATE = "NoMigrationGate";
  static final String DATABASE_NOT_READY = "DatabaseNotReady";
  static final String DEPLOYING = "Deploying";
  static final String REVISION_NOT_READY = "RevisionNotReady";
  static final String REVISION_READY = "RevisionReady";
  static final String REVISION_FAILED = "RevisionFailed";
  static final String PROMOTING = "Promoting";
  static final String ROLLED_BACK = "RolledBack";
  static final String TRAFFIC_SHIFTED = "TrafficShifted";
  static final String TRAFFIC_ON_STABLE = "TrafficOnStable";
  static final String TRAFFIC_RESTORED = "TrafficRestored";
  static final String SETTLING = "Settling";
  static final String SPEC_INVALID = "SpecInvalid";
  static final String SERVICE_NOT_OWNED = "ServiceNotOwned";
  static final String PERMISSION_DENIED = "PermissionDenied";
  static final String GOOGLE_REJECTED = "GoogleRejected";
  static final String DELETED = "Deleted";
  static final String RETAINED = "Retained";

  private Reasons() {}
}
