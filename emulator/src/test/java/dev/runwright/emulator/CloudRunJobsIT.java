package dev.runwright.emulator;

import static dev.runwright.emulator.RunClients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionName;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.JobName;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.UpdateJobRequest;
import com.google.longrunning.Operation;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.emulator.run.CloudRunAdmin;
import dev.runwright.emulator.run.runtime.SimulatedExecutionRunner;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud Run v2 jobs and executions driven by the real JobsClient and ExecutionsClient over REST.
 */
class CloudRunJobsIT {
  private static final String PROJECT = "demo-project";
  private static final String REGION = "europe-west1";
  private static Emulator emulator;
  private static RunClients run;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorConfig.defaults());
    run = new RunClients(emulator);
  }

  @AfterAll
  static void stop() {
    run.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.control().reset();
    emulator.control().setLatencies(Latencies.none());
  }

  @Test
  void createFillsDefaultsAndIsReady() throws Exception {
    Job job = create("migrate", job("app:v1"));
    assertThat(job.getName()).isEqualTo(JobName.of(PROJECT, REGION, "migrate").toString());
    assertThat(job.getGeneration()).isEqualTo(1);
    assertThat(job.getTemplate().getTaskCount()).isEqualTo(1);
    assertThat(job.getTemplate().getTemplate().getMaxRetries()).isEqualTo(3);
    assertThat(job.getTemplate().getTemplate().getTimeout().getSeconds()).isEqualTo(600);
    assertThat(job.getTerminalCondition().getState())
        .isEqualTo(Condition.State.CONDITION_SUCCEEDED);
    assertThat(job.getExecutionCount()).isZero();
    assertThat(run.jobs.listJobs(LocationName.of(PROJECT, REGION)).iterateAll()).hasSize(1);
    assertThatThrownBy(() -> create("migrate", job("app:v1"))).isInstanceOf(AbortedException.class);
  }

  @Test
  void iamPolicyOnJobs() throws Exception {
    Job job = create("secured", job("app:v1"));
    com.google.iam.v1.Policy set =
        run.jobs.setIamPolicy(
            com.google.iam.v1.SetIamPolicyRequest.newBuilder()
                .setResource(job.getName())
                .setPolicy(
                    com.google.iam.v1.Policy.newBuilder()
                        .addBindings(
                            com.google.iam.v1.Binding.newBuilder()
                                .setRole("roles/run.invoker")
                                .addMembers(
                                    "serviceAccount:ci@demo-project.iam.gserviceaccount.com")))
                .build());
    assertThat(
            run.jobs
                .getIamPolicy(
                    com.google.iam.v1.GetIamPolicyRequest.newBuilder()
                        .setResource(job.getName())
                        .build())
                .getBindingsList())
        .isEqualTo(set.getBindingsList());
    assertThatThrownBy(
            () ->
                run.jobs.getIamPolicy(
                    com.google.iam.v1.GetIamPolicyRequest.newBuilder()
                        .setResource(JobName.of(PROJECT, REGION, "missing").toString())
                        .build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void runWithOverridesRunsForItsLatencyAndSucceeds() throws Exception {
    create("migrate", job("app:v1"));
    emulator.control().setLatencies(Latencies.none().withExecutionRun(Duration.ofSeconds(2)));
    OperationFuture<Execution, Execution> future =
        run.jobs.runJobAsync(
            RunJobRequest.newBuilder()
                .setName(JobName.of(PROJECT, REGION, "migrate").toString())
                .setOverrides(
                    RunJobRequest.Overrides.newBuilder()
                        .setTaskCount(2)
                        .addContainerOverrides(
                            RunJobRequest.Overrides.ContainerOverride.newBuilder()
                                .addArgs("migrate")
                                .addEnv(EnvVar.newBuilder().setName("RELEASE").setValue("r42"))))
                .build());
    Execution started = future.getMetadata().get();
    assertThat(started.getName()).matches(".*/jobs/migrate/executions/migrate-[a-z0-9]{5}");
    Execution running = run.executions.getExecution(started.getName());
    assertThat(running.getReconciling()).isTrue();
    assertThat(running.getRunningCount()).isEqualTo(2);
    assertThat(running.getTaskCount()).isEqualTo(2);
    assertThat(running.getTemplate().getContainers(0).getArgsList()).containsExactly("migrate");
    assertThat(running.getTemplate().getContainers(0).getEnvList())
        .extracting(EnvVar::getName)
        .containsExactly("MODE", "RELEASE");

    Execution done = future.get();
    assertThat(done.getSucceededCount()).isEqualTo(2);
    assertThat(done.getRunningCount()).isZero();
    assertThat(done.hasCompletionTime()).isTrue();
    assertThat(done.getConditionsList())
        .anyMatch(
            c ->
                c.getType().equals("Completed")
                    && c.getState() == Condition.State.CONDITION_SUCCEEDED);
    Job job = run.jobs.getJob(JobName.of(PROJECT, REGION, "migrate"));
    assertThat(job.getExecutionCount()).isEqualTo(1);
    assertThat(job.getLatestCreatedExecution().getName()).isEqualTo(done.getName());
    assertThat(job.getLatestCreatedExecution().getCompletionStatus())
        .isEqualTo(ExecutionReference.CompletionStatus.EXECUTION_SUCCEEDED);
  }

  @Test
  void executionsFailByEnvironmentOrByRule() throws Exception {
    create("migrate", job("app:v1"));
    OperationFuture<Execution, Execution> byEnv =
        run.jobs.runJobAsync(
            RunJobRequest.newBuilder()
                .setName(JobName.of(PROJECT, REGION, "migrate").toString())
                .setOverrides(
                    RunJobRequest.Overrides.newBuilder()
                        .addContainerOverrides(
                            RunJobRequest.Overrides.ContainerOverride.newBuilder()
                                .addEnv(
                                    EnvVar.newBuilder()
                                        .setName(SimulatedExecutionRunner.RESULT_ENV)
                                        .setValue("failed"))))
                .build());
    assertThatThrownBy(() -> await(byEnv)).isInstanceOf(FailedPreconditionException.class);
    Execution failed = run.executions.getExecution(byEnv.getMetadata().get().getName());
    assertThat(failed.getFailedCount()).isEqualTo(1);
    Condition completed =
        failed.getConditionsList().stream()
            .filter(c -> c.getType().equals("Completed"))
            .findFirst()
            .orElseThrow();
    assertThat(completed.getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(completed.getExecutionReason())
        .isEqualTo(Condition.ExecutionReason.NON_ZERO_EXIT_CODE);

    emulator.control().outcomes().failExecutionsOf("jobs/doomed");
    create("doomed", job("app:v1"));
    assertThatThrownBy(() -> await(run.jobs.runJobAsync(JobName.of(PROJECT, REGION, "doomed"))))
        .isInstanceOf(FailedPreconditionException.class);
    assertThat(
            run.jobs
                .getJob(JobName.of(PROJECT, REGION, "doomed"))
                .getLatestCreatedExecution()
                .getCompletionStatus())
        .isEqualTo(ExecutionReference.CompletionStatus.EXECUTION_FAILED);
  }

  @Test
  void executionTokensStartOneExecutionPerToken() throws Exception {
    Job created =
        create("tokened", job("app:v1").toBuilder().setRunExecutionToken("rel-1").build());
    assertThat(created.getExecutionCount()).isEqualTo(1);
    assertThat(created.getLatestCreatedExecution().getName()).endsWith("/executions/tokened-rel-1");
    assertThat(created.getTerminalCondition().getState())
        .isEqualTo(Condition.State.CONDITION_SUCCEEDED);

    Job again = update(created.toBuilder().setTemplate(job("app:v2").getTemplate()).build());
    assertThat(again.getGeneration()).isEqualTo(2);
    assertThat(again.getExecutionCount()).isEqualTo(1);

    Job next = update(again.toBuilder().setRunExecutionToken("rel-2").build());
    assertThat(next.getExecutionCount()).isEqualTo(2);
    assertThat(run.executions.listExecutions(JobName.of(PROJECT, REGION, "tokened")).iterateAll())
        .extracting(e -> ExecutionName.parse(e.getName()).getExecution())
        .containsExactly("tokened-rel-2", "tokened-rel-1");

    Job startToken =
        create("started", job("app:v1").toBuilder().setStartExecutionToken("s1").build());
    assertThat(startToken.getLatestCreatedExecution().getName()).endsWith("/executions/started-s1");
  }

  @Test
  void runTokenWithAFailingExecutionFailsTheWriteAndTheJob() throws Exception {
    emulator.control().outcomes().failExecutionsOf("jobs/bad-release");
    assertThatThrownBy(
            () ->
                create("bad-release", job("app:v1").toBuilder().setRunExecutionToken("r1").build()))
        .isInstanceOf(FailedPreconditionException.class);
    Job job = run.jobs.getJob(JobName.of(PROJECT, REGION, "bad-release"));
    assertThat(job.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);
  }

  @Test
  void cancelDeleteAndErrors() throws Exception {
    create("long", job("app:v1"));
    emulator.control().setLatencies(Latencies.none().withExecutionRun(Duration.ofMinutes(5)));
    OperationFuture<Execution, Execution> running =
        run.jobs.runJobAsync(JobName.of(PROJECT, REGION, "long"));
    String name = running.getMetadata().get().getName();
    Execution cancelled = await(run.executions.cancelExecutionAsync(name));
    assertThat(cancelled.getCancelledCount()).isEqualTo(1);
    assertThat(
            run.jobs
                .getJob(JobName.of(PROJECT, REGION, "long"))
                .getLatestCreatedExecution()
                .getCompletionStatus())
        .isEqualTo(ExecutionReference.CompletionStatus.EXECUTION_CANCELLED);
    assertThatThrownBy(() -> await(run.executions.cancelExecutionAsync(name)))
        .isInstanceOf(InvalidArgumentException.class);

    Execution deleted = await(run.executions.deleteExecutionAsync(name));
    assertThat(deleted.getName()).isEqualTo(name);
    assertThatThrownBy(() -> run.executions.getExecution(name))
        .isInstanceOf(NotFoundException.class);

    Job job = run.jobs.getJob(JobName.of(PROJECT, REGION, "long"));
    assertThatThrownBy(() -> update(job.toBuilder().setEtag("\"stale\"").build()))
        .isInstanceOf(AbortedException.class);
    Job removed = await(run.jobs.deleteJobAsync(JobName.of(PROJECT, REGION, "long")));
    assertThat(removed.getName()).endsWith("/jobs/long");
    assertThatThrownBy(() -> run.jobs.getJob(JobName.of(PROJECT, REGION, "long")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> create("nocontainer", Job.newBuilder().build()))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void payloadsParseStrictlyAndRunOperationsCarryExecutions() throws Exception {
    create("strict", job("app:v1"));
    Execution execution = await(run.jobs.runJobAsync(JobName.of(PROJECT, REGION, "strict")));
    RawHttp http = new RawHttp(emulator.endpoint());
    http.getStrict(
        "/v2/" + JobName.of(PROJECT, REGION, "strict"), Job.newBuilder(), CloudRunAdmin.TYPES);
    http.getStrict("/v2/" + execution.getName(), Execution.newBuilder(), CloudRunAdmin.TYPES);
    var operations =
        http.getStrict(
                "/v2/projects/" + PROJECT + "/locations/" + REGION + "/operations",
                com.google.longrunning.ListOperationsResponse.newBuilder(),
                CloudRunAdmin.TYPES)
            .build();
    assertThat(operations.getOperationsList())
        .extracting(o -> o.getResponse().getTypeUrl())
        .containsExactly(
            "type.googleapis.com/google.cloud.run.v2.Job",
            "type.googleapis.com/google.cloud.run.v2.Execution");
    Operation runOp = operations.getOperations(1);
    assertThat(runOp.getMetadata().getTypeUrl())
        .isEqualTo("type.googleapis.com/google.cloud.run.v2.Execution");
  }

  private static Job create(String id, Job job) throws Exception {
    return await(run.jobs.createJobAsync(LocationName.of(PROJECT, REGION), job, id));
  }

  private static Job update(Job job) throws Exception {
    return await(run.jobs.updateJobAsync(UpdateJobRequest.newBuilder().setJob(job).build()));
  }

  private static Job job(String image) {
    return Job.newBuilder()
        .setTemplate(
            ExecutionTemplate.newBuilder()
                .setTemplate(
                    TaskTemplate.newBuilder()
                        .addContainers(
                            Container.newBuilder()
                                .setImage(image)
                                .addEnv(EnvVar.newBuilder().setName("MODE").setValue("test")))))
        .build();
  }
}
