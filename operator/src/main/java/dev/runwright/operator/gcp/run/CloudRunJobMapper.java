package dev.runwright.operator.gcp.run;

import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.RunJobRequest;
import dev.runwright.operator.gcp.gapic.ProtoTime;
import java.util.Optional;

/**
 * Maps Cloud Run jobs and executions between the domain records and the {@code google.cloud.run.v2}
 * protos.
 */
final class CloudRunJobMapper {

  private CloudRunJobMapper() {}

  /** The job to send; the adapter adds name and etag on update. */
  static Job toJob(JobSpec spec) {
    ExecutionTemplate template = spec.template();
    TaskTemplate task = template.task();
    var taskProto =
        com.google.cloud.run.v2.TaskTemplate.newBuilder().setMaxRetries(task.maxRetries());
    task.containers().forEach(c -> taskProto.addContainers(CloudRunMapper.container(c)));
    task.volumes().forEach(v -> taskProto.addVolumes(CloudRunMapper.volume(v)));
    task.timeout().ifPresent(t -> taskProto.setTimeout(ProtoTime.proto(t)));
    task.serviceAccount().ifPresent(taskProto::setServiceAccount);
    Job.Builder job =
        Job.newBuilder()
            .putAllLabels(spec.labels())
            .putAllAnnotations(spec.annotations())
            .setTemplate(
                com.google.cloud.run.v2.ExecutionTemplate.newBuilder()
                    .putAllLabels(template.labels())
                    .putAllAnnotations(template.annotations())
                    .setTaskCount(template.taskCount())
                    .setParallelism(template.parallelism())
                    .setTemplate(taskProto));
    spec.executionToken()
        .ifPresent(
            token -> {
              if (token.waitForCompletion()) {
                job.setRunExecutionToken(token.value());
              } else {
                job.setStartExecutionToken(token.value());
              }
            });
    return job.build();
  }

  static RunJob fromJob(Job job) {
    var template = job.getTemplate();
    var task = template.getTemplate();
    JobSpec spec =
        new JobSpec(
            job.getLabelsMap(),
            job.getAnnotationsMap(),
            new ExecutionTemplate(
                template.getLabelsMap(),
                template.getAnnotationsMap(),
                template.getTaskCount(),
                template.getParallelism(),
                new TaskTemplate(
                    task.getContainersList().stream().map(CloudRunMapper::container).toList(),
                    CloudRunMapper.volumes(task.getVolumesList()),
                    task.getMaxRetries(),
                    ProtoTime.duration(task.hasTimeout(), task.getTimeout()),
                    CloudRunMapper.text(task.getServiceAccount()))),
            Optional.empty());
    JobName name = JobName.parse(job.getName());
    return new RunJob(
        name,
        spec,
        job.getGeneration(),
        job.getObservedGeneration(),
        job.getReconciling(),
        job.hasTerminalCondition()
            ? Optional.of(CloudRunMapper.condition(job.getTerminalCondition()))
            : Optional.empty(),
        CloudRunMapper.conditions(job.getConditionsList()),
        job.hasLatestCreatedExecution() && !job.getLatestCreatedExecution().getName().isEmpty()
            ? Optional.of(summary(name, job.getLatestCreatedExecution()))
            : Optional.empty(),
        job.getExecutionCount(),
        job.getEtag());
  }

  private static ExecutionSummary summary(JobName job, ExecutionReference reference) {
    String execution = CloudRunMapper.shortName(reference.getName());
    return new ExecutionSummary(
        job.execution(execution),
        ProtoTime.instant(reference.hasCreateTime(), reference.getCreateTime()),
        ProtoTime.instant(reference.hasCompletionTime(), reference.getCompletionTime()),
        switch (reference.getCompletionStatus()) {
          case EXECUTION_SUCCEEDED -> ExecutionOutcome.SUCCEEDED;
          case EXECUTION_FAILED -> ExecutionOutcome.FAILED;
          case EXECUTION_CANCELLED -> ExecutionOutcome.CANCELLED;
          default -> ExecutionOutcome.RUNNING;
        });
  }

  static Execution fromExecution(com.google.cloud.run.v2.Execution execution) {
    return new Execution(
        ExecutionName.parse(execution.getName()),
        execution.getLabelsMap(),
        ProtoTime.instant(execution.hasCreateTime(), execution.getCreateTime()),
        ProtoTime.instant(execution.hasStartTime(), execution.getStartTime()),
        ProtoTime.instant(execution.hasCompletionTime(), execution.getCompletionTime()),
        new Execution.TaskCounts(
            execution.getTaskCount(),
            execution.getRunningCount(),
            execution.getSucceededCount(),
            execution.getFailedCount(),
            execution.getCancelledCount(),
            execution.getRetriedCount()),
        execution.getReconciling(),
        CloudRunMapper.conditions(execution.getConditionsList()),
        CloudRunMapper.text(execution.getLogUri()));
  }

  static RunJobRequest.Overrides overrides(RunOverrides overrides) {
    var proto = RunJobRequest.Overrides.newBuilder();
    if (!overrides.args().isEmpty() || !overrides.env().isEmpty()) {
      var container = RunJobRequest.Overrides.ContainerOverride.newBuilder();
      container.addAllArgs(overrides.args());
      overrides.env().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              e ->
                  container.addEnv(
                      com.google.cloud.run.v2.EnvVar.newBuilder()
                          .setName(e.getKey())
                          .setValue(e.getValue())));
      proto.addContainerOverrides(container);
    }
    overrides.taskCount().ifPresent(proto::setTaskCount);
    overrides.timeout().ifPresent(t -> proto.setTimeout(ProtoTime.proto(t)));
    return proto.build();
  }
}
