package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.protobuf.Timestamp;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.run.runtime.ExecutionLaunch;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import dev.runwright.emulator.run.runtime.ExecutionRun;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.world.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts job executions (the job's template with a run's overrides applied, handed to the runner)
 * and renders executions and jobs with the status the runner reports.
 */
final class JobExecutions {
  private final RunStore store;
  private final Simulation sim;
  private final ExecutionRunner runner;
  private final RevisionNames names = new RevisionNames();

  JobExecutions(RunStore store, Simulation sim, ExecutionRunner runner) {
    this.store = store;
    this.sim = sim;
    this.runner = runner;
  }

  /** Starts an execution with a generated name, as {@code jobs.run} does. */
  StoredExecution run(StoredJob job, RunJobRequest.Overrides overrides) {
    return start(job, names.execution(ResourceNames.last(job.spec.getName())), overrides);
  }

  /**
   * Starts the execution that an execution token asks for, unless it exists: one execution per
   * token, whatever the number of writes carrying it.
   */
  Optional<StoredExecution> startForToken(StoredJob job) {
    String token = token(job.spec);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    String id = ResourceNames.last(job.spec.getName()) + "-" + token;
    StoredExecution existing = store.executions.get(job.spec.getName() + "/executions/" + id);
    if (existing != null) {
      return Optional.of(existing);
    }
    return Optional.of(start(job, id, RunJobRequest.Overrides.getDefaultInstance()));
  }

  static String token(Job job) {
    return job.hasRunExecutionToken() ? job.getRunExecutionToken() : job.getStartExecutionToken();
  }

  private StoredExecution start(StoredJob job, String id, RunJobRequest.Overrides overrides) {
    String name = job.spec.getName() + "/executions/" + id;
    ExecutionTemplate template = job.spec.getTemplate();
    int taskCount =
        overrides.getTaskCount() > 0 ? overrides.getTaskCount() : template.getTaskCount();
    TaskTemplate task = applyOverrides(template.getTemplate(), overrides);
    Timestamp now = sim.nowTimestamp();
    Execution execution =
        Execution.newBuilder()
            .setName(name)
            .setUid(UUID.randomUUID().toString())
            .setCreator("emulator@runwright.dev")
            .setGeneration(1)
            .putAllLabels(template.getLabelsMap())
            .putAllAnnotations(template.getAnnotationsMap())
            .setCreateTime(now)
            .setStartTime(now)
            .setUpdateTime(now)
            .setLaunchStage(job.spec.getLaunchStage())
            .setJob(ResourceNames.last(job.spec.getName()))
            .setParallelism(template.getParallelism())
            .setTaskCount(taskCount)
            .setTemplate(task)
            .setEtag(store.nextEtag())
            .build();
    ExecutionLaunch launch =
        new ExecutionLaunch(
            name, job.spec.getName(), taskCount, template.getParallelism(), task, sim.now());
    ExecutionRun run = runner.start(launch);
    execution =
        execution.toBuilder().setLogUri(run.logUri().orElse(ResourceNames.logUri(name))).build();
    StoredExecution stored = new StoredExecution(execution, run);
    store.executions.put(name, stored);
    job.executionCount++;
    job.latestExecution = name;
    return stored;
  }

  private static TaskTemplate applyOverrides(TaskTemplate task, RunJobRequest.Overrides overrides) {
    TaskTemplate.Builder result = task.toBuilder();
    if (overrides.hasTimeout()) {
      result.setTimeout(overrides.getTimeout());
    }
    List<Container> containers = new ArrayList<>(task.getContainersList());
    for (RunJobRequest.Overrides.ContainerOverride override :
        overrides.getContainerOverridesList()) {
      int index = containerIndex(containers, override.getName());
      Container.Builder container = containers.get(index).toBuilder();
      if (override.getClearArgs() || override.getArgsCount() > 0) {
        container.clearArgs().addAllArgs(override.getArgsList());
      }
      if (override.getEnvCount() > 0) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        container.getEnvList().forEach(e -> env.put(e.getName(), e));
        override.getEnvList().forEach(e -> env.put(e.getName(), e));
        container.clearEnv().addAllEnv(env.values());
      }
      containers.set(index, container.build());
    }
    return result.clearContainers().addAllContainers(containers).build();
  }

  private static int containerIndex(List<Container> containers, String name) {
    if (name.isEmpty()) {
      if (containers.size() == 1) {
        return 0;
      }
      throw ApiException.invalidArgument(
          "overrides.container_overrides.name",
          "The job has several containers: a container override must name one.");
    }
    for (int i = 0; i < containers.size(); i++) {
      if (containers.get(i).getName().equals(name)) {
        return i;
      }
    }
    throw ApiException.invalidArgument(
        "overrides.container_overrides.name", "No container named '" + name + "' in the job.");
  }

  /**
   * The execution's progress, with its completion time stamped if this is the first look at it
   * done.
   */
  ExecutionProgress progress(StoredExecution stored) {
    return stored.progress(sim.nowTimestamp());
  }

  Execution render(StoredExecution stored) {
    ExecutionProgress progress = progress(stored);
    Timestamp created = stored.execution.getCreateTime();
    Execution.Builder execution =
        stored.execution.toBuilder()
            .setRunningCount(progress.running())
            .setSucceededCount(progress.succeeded())
            .setFailedCount(progress.failed())
            .setCancelledCount(progress.cancelled())
            .setRetriedCount(progress.retried())
            .setReconciling(!progress.finished())
            .setObservedGeneration(1)
            .addConditions(Conditions.succeeded("ResourcesAvailable", created))
            .addConditions(Conditions.succeeded("Started", created))
            .addConditions(completed(stored, progress));
    if (stored.completionTime != null) {
      execution.setCompletionTime(stored.completionTime).setUpdateTime(stored.completionTime);
    }
    return execution.build();
  }

  private static Condition completed(StoredExecution stored, ExecutionProgress progress) {
    if (!progress.finished()) {
      return Conditions.reconciling("Completed", stored.execution.getCreateTime());
    }
    if (progress.succeededOverall()) {
      return Conditions.of(
          "Completed",
          Condition.State.CONDITION_SUCCEEDED,
          "Execution completed successfully in the emulator.",
          stored.completionTime);
    }
    return Conditions.failed("Completed", progress.message(), stored.completionTime).toBuilder()
        .setExecutionReason(
            progress.cancelled() > 0
                ? Condition.ExecutionReason.CANCELLED
                : Condition.ExecutionReason.NON_ZERO_EXIT_CODE)
        .build();
  }

  /** The job as Cloud Run returns it: declared fields plus executions and readiness. */
  Job render(StoredJob stored) {
    Job.Builder job =
        stored.spec.toBuilder()
            .setUid(stored.uid)
            .setGeneration(stored.generation)
            .setObservedGeneration(stored.generation)
            .setCreateTime(stored.createTime)
            .setUpdateTime(stored.updateTime)
            .setCreator("emulator@runwright.dev")
            .setLastModifier("emulator@runwright.dev")
            .setExecutionCount(stored.executionCount)
            .setEtag(stored.etag);
    StoredExecution latest = store.executions.get(stored.latestExecution);
    Condition ready = Conditions.succeeded("Ready", stored.updateTime);
    if (latest != null) {
      Execution execution = render(latest);
      ExecutionProgress progress = progress(latest);
      ExecutionReference.Builder reference =
          ExecutionReference.newBuilder()
              .setName(execution.getName())
              .setCreateTime(execution.getCreateTime())
              .setCompletionStatus(completionStatus(progress));
      if (execution.hasCompletionTime()) {
        reference.setCompletionTime(execution.getCompletionTime());
      }
      job.setLatestCreatedExecution(reference);
      boolean waitsForThis =
          stored.spec.hasRunExecutionToken()
              && latest.execution.getName().endsWith("-" + stored.spec.getRunExecutionToken());
      if (waitsForThis && !progress.finished()) {
        ready = Conditions.reconciling("Ready", stored.updateTime);
        job.setReconciling(true);
      } else if (waitsForThis && !progress.succeededOverall()) {
        ready = Conditions.failed("Ready", progress.message(), execution.getCompletionTime());
      }
    }
    return job.setTerminalCondition(ready).build();
  }

  private static ExecutionReference.CompletionStatus completionStatus(ExecutionProgress progress) {
    if (!progress.finished()) {
      return ExecutionReference.CompletionStatus.EXECUTION_RUNNING;
    }
    if (progress.cancelled() > 0) {
      return ExecutionReference.CompletionStatus.EXECUTION_CANCELLED;
    }
    return progress.succeededOverall()
        ? ExecutionReference.CompletionStatus.EXECUTION_SUCCEEDED
        : ExecutionReference.CompletionStatus.EXECUTION_FAILED;
  }
}
