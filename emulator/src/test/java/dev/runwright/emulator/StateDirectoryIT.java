package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.Settings;
import com.google.api.services.sqladmin.model.User;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import com.google.protobuf.ByteString;
import dev.runwright.emulator.control.Latencies;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted emulator with a state directory keeps what the clients created, pending work
 * included.
 */
class StateDirectoryIT {
  private static final String PROJECT = "demo-project";

  @TempDir Path state;

  @Test
  void secretsAndCloudSqlSurviveARestart() throws Exception {
    String pendingDatabase;
    try (Emulator first = start(Duration.ofMillis(1500))) {
      try (SecretManagerServiceClient secrets = secrets(first)) {
        secrets.createSecret(
            ProjectName.of(PROJECT),
            "kept",
            Secret.newBuilder()
                .setReplication(
                    Replication.newBuilder()
                        .setAutomatic(Replication.Automatic.getDefaultInstance()))
                .build());
        secrets.addSecretVersion(
            SecretName.of(PROJECT, "kept"),
            SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v1")).build());
      }
      SQLAdmin sql = sql(first);
      first.control().setLatencies(Latencies.none());
      sql.instances()
          .insert(
              PROJECT,
              new DatabaseInstance()
                  .setName("kept")
                  .setRegion("europe-west1")
                  .setSettings(new Settings().setTier("db-f1-micro")))
          .execute();
      sql.users().insert(PROJECT, "kept", new User().setName("app").setPassword("pw")).execute();
      first.control().setLatencies(Latencies.none().withSqlDatabaseOrUser(Duration.ofMillis(1500)));
      pendingDatabase =
          sql.databases()
              .insert(PROJECT, "kept", new Database().setName("app"))
              .execute()
              .getName();
    }

    try (Emulator second = start(Duration.ZERO)) {
      try (SecretManagerServiceClient secrets = secrets(second)) {
        assertThat(
                secrets
                    .accessSecretVersion(SecretVersionName.of(PROJECT, "kept", "latest"))
                    .getPayload()
                    .getData()
                    .toStringUtf8())
            .isEqualTo("v1");
      }
      SQLAdmin sql = sql(second);
      assertThat(sql.instances().get(PROJECT, "kept").execute().getState()).isEqualTo("RUNNABLE");
      assertThat(sql.users().list(PROJECT, "kept").execute().getItems())
          .extracting(User::getName)
          .contains("app");
      // The database insert was still running at shutdown: it finishes after its time, as before.
      Operation op = waitDone(sql, pendingDatabase);
      assertThat(op.getError()).isNull();
      assertThat(sql.databases().get(PROJECT, "kept", "app").execute().getName()).isEqualTo("app");
    }
  }

  private Emulator start(Duration sqlLatency) {
    return Emulator.start(
        EmulatorConfig.defaults()
            .withStateDirectory(state)
            .withLatencies(Latencies.none().withSqlDatabaseOrUser(sqlLatency)));
  }

  private static SecretManagerServiceClient secrets(Emulator emulator) throws IOException {
    return SecretManagerServiceClient.create(
        SecretManagerServiceSettings.newHttpJsonBuilder()
            .setEndpoint(emulator.endpoint())
            .setCredentialsProvider(NoCredentialsProvider.create())
            .build());
  }

  private static SQLAdmin sql(Emulator emulator) {
    return new SQLAdmin.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), r -> {})
        .setRootUrl(emulator.rootUrl())
        .setApplicationName("runwright-emulator-test")
        .build();
  }

  private static Operation waitDone(SQLAdmin sql, String operation) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Operation op = sql.operations().get(PROJECT, operation).execute();
      if ("DONE".equals(op.getStatus())) {
        return op;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Operation " + operation + " not DONE within 10 s");
  }
}
