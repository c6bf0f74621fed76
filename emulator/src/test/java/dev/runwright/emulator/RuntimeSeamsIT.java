package dev.runwright.emulator;

import static dev.runwright.emulator.RunClients.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.Settings;
import com.google.api.services.sqladmin.model.User;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobName;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import dev.runwright.emulator.run.runtime.ExecutionLaunch;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import dev.runwright.emulator.run.runtime.ExecutionRun;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.run.runtime.RevisionInstance;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.sql.CloudSqlBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seams local mode plugs into: a revision runtime and an execution runner decide readiness and
 * outcomes, a Cloud SQL backend sees every finished change, and stored secrets can be read back for
 * secretKeyRef env.
 */
class RuntimeSeamsIT {
  private static final String PROJECT = "demo-project";
  private static final String REGION = "europe-west1";
  private static final AtomicBoolean revisionsReady = new AtomicBoolean();
  private static final AtomicBoolean tasksDone = new AtomicBoolean();
  private static final List<ExecutionLaunch> launches = new CopyOnWriteArrayList<>();
  private static final List<String> sqlEvents = new CopyOnWriteArrayList<>();
  private static Emulator emulator;
  private static RunClients run;

  @BeforeAll
  static void start() {
    RevisionRuntime revisions =
        revision ->
            () ->
                revisionsReady.get()
                    ? RevisionInstance.Readiness.ready()
                    : RevisionInstance.Readiness.pending();
    ExecutionRunner executions =
        launch -> {
          launches.add(launch);
          return new ExecutionRun() {
            @Override
            public ExecutionProgress progress() {
              return tasksDone.get()
                  ? new ExecutionProgress(0, launch.taskCount(), 0, 0, 0, true, "")
                  : new ExecutionProgress(launch.taskCount(), 0, 0, 0, 0, false, "");
            }

            @Override
            public void cancel() {}
          };
        };
    CloudSqlBackend backend =
        new CloudSqlBackend() {
          @Override
          public void instanceCreated(DatabaseInstance instance) {
            sqlEvents.add("instance " + instance.getName());
          }

          @Override
          public void databaseCreated(DatabaseInstance instance, String database) {
            if (database.equals("boom")) {
              throw new IllegalStateException("disk full");
            }
            sqlEvents.add("database " + database);
          }

          @Override
          public void userSaved(
              DatabaseInstance instance, String name, String host, String password) {
            sqlEvents.add("user " + name + "@" + host + " " + password);
          }

          @Override
          public void userDeleted(DatabaseInstance instance, String name, String host) {
            sqlEvents.add("drop user " + name + "@" + host);
          }
        };
    emulator =
        Emulator.start(
            EmulatorConfig.defaults()
                .withRevisionRuntime(revisions)
                .withExecutionRunner(executions)
                .withSqlBackend(backend));
    run = new RunClients(emulator);
  }

  @AfterAll
  static void stop() {
    run.close();
    emulator.close();
  }

  @Test
  void theRevisionRuntimeDecidesReadiness() throws Exception {
    OperationFuture<Service, Service> create =
        run.services.createServiceAsync(
            LocationName.of(PROJECT, REGION),
            Service.newBuilder()
                .setTemplate(
                    RevisionTemplate.newBuilder()
                        .addContainers(Container.newBuilder().setImage("app:v1")))
                .build(),
            "local");
    assertThat(create.getInitialFuture().get().isDone()).isFalse();
    assertThat(run.services.getService(ServiceName.of(PROJECT, REGION, "local")).getReconciling())
        .isTrue();
    revisionsReady.set(true);
    Service ready = await(create);
    assertThat(ready.getLatestReadyRevision()).isEqualTo(ready.getLatestCreatedRevision());
  }

  @Test
  void theExecutionRunnerGetsTheOverriddenTemplateAndDecidesTheOutcome() throws Exception {
    await(
        run.jobs.createJobAsync(
            LocationName.of(PROJECT, REGION),
            Job.newBuilder()
                .setTemplate(
                    ExecutionTemplate.newBuilder()
                        .setTemplate(
                            TaskTemplate.newBuilder()
                                .addContainers(
                                    Container.newBuilder().setImage("app:v1").addArgs("serve"))))
                .build(),
            "local-job"));
    OperationFuture<Execution, Execution> execution =
        run.jobs.runJobAsync(
            RunJobRequest.newBuilder()
                .setName(JobName.of(PROJECT, REGION, "local-job").toString())
                .setOverrides(
                    RunJobRequest.Overrides.newBuilder()
                        .addContainerOverrides(
                            RunJobRequest.Overrides.ContainerOverride.newBuilder()
                                .addArgs("migrate")
                                .addEnv(EnvVar.newBuilder().setName("RELEASE").setValue("r1"))))
                .build());
    String name = execution.getMetadata().get().getName();
    assertThat(launches)
        .singleElement()
        .satisfies(
            launch -> {
              assertThat(launch.executionName()).isEqualTo(name);
              assertThat(launch.jobName())
                  .isEqualTo(JobName.of(PROJECT, REGION, "local-job").toString());
              assertThat(launch.task().getContainers(0).getArgsList()).containsExactly("migrate");
              assertThat(launch.task().getContainers(0).getEnv(0).getValue()).isEqualTo("r1");
            });
    assertThat(run.executions.getExecution(name).getRunningCount()).isEqualTo(1);
    tasksDone.set(true);
    assertThat(await(execution).getSucceededCount()).isEqualTo(1);
  }

  @Test
  void theSqlBackendSeesFinishedChangesAndCanFailThem() throws Exception {
    SQLAdmin sql =
        new SQLAdmin.Builder(
                new NetHttpTransport(), GsonFactory.getDefaultInstance(), request -> {})
            .setRootUrl(emulator.rootUrl())
            .setApplicationName("runwright-emulator-test")
            .build();
    sql.instances()
        .insert(
            PROJECT,
            new DatabaseInstance()
                .setName("db1")
                .setRegion(REGION)
                .setSettings(new Settings().setTier("db-f1-micro")))
        .execute();
    sql.databases().insert(PROJECT, "db1", new Database().setName("app")).execute();
    sql.users().insert(PROJECT, "db1", new User().setName("app").setPassword("p1")).execute();
    sql.users()
        .update(PROJECT, "db1", new User().setPassword("p2"))
        .setName("app")
        .setHost("%")
        .execute();
    sql.users().delete(PROJECT, "db1").setName("app").setHost("%").execute();
    Operation failed =
        sql.databases().insert(PROJECT, "db1", new Database().setName("boom")).execute();
    assertThat(failed.getStatus()).isEqualTo("DONE");
    assertThat(failed.getError().getErrors().get(0).getMessage()).contains("disk full");
    assertThat(sqlEvents)
        .containsExactly(
            "instance db1", "database app", "user app@% p1", "user app@% p2", "drop user app@%");
  }

  @Test
  void storedSecretsCanBeResolved() throws Exception {
    try (SecretManagerServiceClient secrets =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newHttpJsonBuilder()
                .setEndpoint(emulator.endpoint())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      secrets.createSecret(
          ProjectName.of(PROJECT),
          "db-password",
          Secret.newBuilder()
              .setReplication(
                  Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()))
              .build());
      secrets.addSecretVersion(
          SecretName.of(PROJECT, "db-password"),
          SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("s3cret")).build());
    }
    assertThat(
            emulator
                .secretValues()
                .access("projects/demo-project/secrets/db-password/versions/latest"))
        .hasValue(ByteString.copyFromUtf8("s3cret"));
    assertThat(
            emulator.secretValues().access("projects/demo-project/secrets/db-password/versions/2"))
        .isEmpty();
    assertThat(emulator.secretValues().access("projects/demo-project/secrets/nope/versions/1"))
        .isEmpty();
  }
}
