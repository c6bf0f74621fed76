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
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobName;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.UpdateServiceRequest;
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
  private static final String REGION = "europe-west1";

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

  @Test
  void cloudRunSurvivesARestart() throws Exception {
    String running;
    Service created;
    try (Emulator first = start(Duration.ZERO);
        RunClients run = new RunClients(first)) {
      created =
          RunClients.await(
              run.services.createServiceAsync(
                  LocationName.of(PROJECT, REGION),
                  Service.newBuilder()
                      .setTemplate(
                          RevisionTemplate.newBuilder()
                              .addContainers(Container.newBuilder().setImage("app:v1")))
                      .build(),
                  "kept"));
      RunClients.await(
          run.jobs.createJobAsync(
              LocationName.of(PROJECT, REGION),
              Job.newBuilder()
                  .setTemplate(
                      ExecutionTemplate.newBuilder()
                          .setTemplate(
                              TaskTemplate.newBuilder()
                                  .addContainers(Container.newBuilder().setImage("app:v1"))))
                  .build(),
              "kept-job"));
      RunClients.await(run.jobs.runJobAsync(JobName.of(PROJECT, REGION, "kept-job")));
      first.control().setLatencies(Latencies.none().withExecutionRun(Duration.ofMillis(1500)));
      running =
          run.jobs
              .runJobAsync(JobName.of(PROJECT, REGION, "kept-job"))
              .getMetadata()
              .get()
              .getName();
    }

    try (Emulator second =
            Emulator.start(
                EmulatorConfig.defaults()
                    .withStateDirectory(state)
                    .withLatencies(Latencies.none().withExecutionRun(Duration.ofMillis(1500))));
        RunClients run = new RunClients(second)) {
      Service kept = run.services.getService(ServiceName.of(PROJECT, REGION, "kept"));
      assertThat(kept.getGeneration()).isEqualTo(1);
      assertThat(kept.getEtag()).isEqualTo(created.getEtag());
      assertThat(kept.getLatestReadyRevision()).isEqualTo(created.getLatestCreatedRevision());
      assertThat(kept.getTrafficStatusesList()).isEqualTo(created.getTrafficStatusesList());
      Job job = run.jobs.getJob(JobName.of(PROJECT, REGION, "kept-job"));
      assertThat(job.getExecutionCount()).isEqualTo(2);
      assertThat(
              run.executions.listExecutions(JobName.of(PROJECT, REGION, "kept-job")).iterateAll())
          .hasSize(2);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (run.executions.getExecution(running).getReconciling()
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(run.executions.getExecution(running).getSucceededCount()).isEqualTo(1);
      // Unchanged service: an update with the same spec is still a no-op after the restart.
      Service same =
          RunClients.await(
              run.services.updateServiceAsync(
                  UpdateServiceRequest.newBuilder().setService(kept).build()));
      assertThat(same.getGeneration()).isEqualTo(1);
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
