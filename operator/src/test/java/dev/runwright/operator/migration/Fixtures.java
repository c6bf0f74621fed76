package dev.runwright.operator.migration;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.LocalObjectRef;
import dev.runwright.operator.api.common.SecretVersionRef;
import dev.runwright.operator.api.migration.MigrationJob;
import dev.runwright.operator.api.migration.MigrationJobSpec;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Resources as the unit tests of this package need them. */
final class Fixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  static MigrationJob migrationJob(String image) {
    MigrationJob job = new MigrationJob();
    job.setMetadata(
        new ObjectMetaBuilder()
            .withName("jwt-migrate")
            .withNamespace("shop")
            .withUid("uid-1")
            .withGeneration(1L)
            .build());
    MigrationJobSpec spec = new MigrationJobSpec();
    LocalObjectRef ref = new LocalObjectRef();
    ref.setName("jwt-db");
    spec.setDatabaseRef(ref);
    spec.setImage(image);
    job.setSpec(spec);
    return job;
  }

  /** A CloudSqlDatabase that is Ready and publishes its connection data. */
  static CloudSqlDatabase readyDatabase() {
    CloudSqlDatabase database = new CloudSqlDatabase();
    database.setMetadata(
        new ObjectMetaBuilder()
            .withName("jwt-db")
            .withNamespace("shop")
            .withUid("db-uid")
            .withGeneration(2L)
            .build());
    CloudSqlDatabaseStatus status = new CloudSqlDatabaseStatus();
    StatusConditions.of(status, 2, CLOCK).ready("Ready", "all good");
    ExternalRef instance = new ExternalRef();
    instance.setName("projects/acme-prod/instances/main");
    instance.setProject("acme-prod");
    status.setExternalRef(instance);
    status.setConnectionName("acme-prod:asia-east1:main");
    status.setSocketPath("/cloudsql/acme-prod:asia-east1:main");
    status.setDatabaseName("jwt_auth_db");
    status.setUserName("jwt_user");
    SecretVersionRef secret = new SecretVersionRef();
    secret.setSecret("projects/acme-prod/secrets/jwt-db-jwt_user-password");
    secret.setVersion("3");
    secret.setVersionName("projects/acme-prod/secrets/jwt-db-jwt_user-password/versions/3");
    status.setPasswordSecret(secret);
    database.setStatus(status);
    return database;
  }

  static DatabaseConnection connection() {
    return ((DatabaseConnection.Usable) DatabaseConnection.of(readyDatabase(), "jwt-db"))
        .connection();
  }
}
