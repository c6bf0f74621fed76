package dev.runwright.operator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.status.StatusConditions;
import org.junit.jupiter.api.Test;

class DatabaseConnectionTest {

  @Test
  void aReadyDatabaseGivesItsPublishedConnection() {
    DatabaseConnection connection = Fixtures.connection();

    assertThat(connection.project()).isEqualTo("acme-prod");
    assertThat(connection.region()).isEqualTo("asia-east1");
    assertThat(connection.connectionName()).isEqualTo("acme-prod:asia-east1:main");
    assertThat(connection.socketPath()).isEqualTo("/cloudsql/acme-prod:asia-east1:main");
    assertThat(connection.passwordSecret())
        .isEqualTo(new SecretName("acme-prod", "jwt-db-jwt_user-password"));
    assertThat(connection.passwordVersion()).isEqualTo("3");
  }

  @Test
  void aMissingDatabaseIsNotUsable() {
    assertThat(DatabaseConnection.of(null, "jwt-db"))
        .isEqualTo(new DatabaseConnection.NotUsable("CloudSqlDatabase jwt-db does not exist"));
  }

  @Test
  void aDatabaseThatIsNotReadySaysWhy() {
    CloudSqlDatabase database = Fixtures.readyDatabase();
    StatusConditions.of(database.getStatus(), 2, Fixtures.CLOCK)
        .reconciling("CreatingInstance", "Creating Cloud SQL instance main");

    assertThat(DatabaseConnection.of(database, "jwt-db"))
        .isEqualTo(
            new DatabaseConnection.NotUsable(
                "CloudSqlDatabase jwt-db is not Ready: Creating Cloud SQL instance main"));
  }

  @Test
  void aStaleReadyIsNotUsable() {
    CloudSqlDatabase database = Fixtures.readyDatabase();
    database.getMetadata().setGeneration(3L);

    assertThat(DatabaseConnection.of(database, "jwt-db"))
        .isInstanceOf(DatabaseConnection.NotUsable.class);
  }

  @Test
  void readyWithoutThePasswordSecretIsNotUsable() {
    CloudSqlDatabase database = Fixtures.readyDatabase();
    database.getStatus().setPasswordSecret(null);
    database.getStatus().setUserName(null);

    assertThat(DatabaseConnection.of(database, "jwt-db"))
        .isEqualTo(
            new DatabaseConnection.NotUsable(
                "CloudSqlDatabase jwt-db is Ready but its status lacks userName,"
                    + " passwordSecret.secret, passwordSecret.version"));
  }
}
