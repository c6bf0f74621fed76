package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Execution;
import com.google.protobuf.Message;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import java.util.Optional;

/**
 * Says how far the work behind a Cloud Run operation has come, by looking at the resources it
 * concerns.
 */
final class OperationProgress {
  private final RunStore store;
  private final ServiceRollout rollout;
  private final JobExecutions executions;

  OperationProgress(RunStore store, ServiceRollout rollout, JobExecutions executions) {
    this.store = store;
    this.rollout = rollout;
    this.executions = executions;
  }

  RunOperations.Progress of(RunOperations.Work work) {
    return switch (work.kind()) {
      case SERVICE_ROLLOUT -> rollout(work.resource(), work.generation());
      case JOB_WRITE -> jobWrite(work.resource(), work.execution());
      case EXECUTION_RUN -> execution(work.resource(), true);
      case EXECUTION_CANCEL -> execution(work.resource(), false);
    };
  }

  /**
   * Done when the generation's rollout settled (failed if its revisions failed), or the service is
   * gone.
   */
  private RunOperations.Progress rollout(String service, long generation) {
    StoredService stored = store.services.get(service);
    return progress(
        stored == null ? null : rollout.render(stored),
        () -> {
          if (stored == null) {
            return Optional.of(RunOperations.Outcome.success(null));
          }
          if (!stored.settledGenerations.containsKey(generation)) {
            // Superseded by a later write, or settled without a record: nothing left to wait for.
            return stored.generation > generation || !stored.rolloutPending
                ? Optional.of(RunOperations.Outcome.success(rollout.render(stored)))
                : Optional.empty();
          }
          String failure = stored.settledGenerations.get(generation);
          return Optional.of(
              failure == null
                  ? RunOperations.Outcome.success(rollout.render(stored))
                  : RunOperations.Outcome.failure(ApiException.failedPrecondition(failure)));
        });
  }

  /** Done at once, or when the run token's execution has finished (failed if it failed). */
  private RunOperations.Progress jobWrite(String job, String execution) {
    StoredJob stored = store.jobs.get(job);
    Message view = stored == null ? null : executions.render(stored);
    return progress(
        view,
        () -> {
          StoredExecution awaited = execution.isEmpty() ? null : store.executions.get(execution);
          if (stored == null || awaited == null) {
            return Optional.of(RunOperations.Outcome.success(view));
          }
          return finished(awaited, view, true);
        });
  }

  /**
   * Done when the execution has finished; a run fails with it, a cancel answers the stopped
   * execution.
   */
  private RunOperations.Progress execution(String execution, boolean failWithExecution) {
    StoredExecution stored = store.executions.get(execution);
    Execution view = stored == null ? null : executions.render(stored);
    return progress(
        view,
        () ->
            stored == null
                ? Optional.of(RunOperations.Outcome.success(null))
                : finished(stored, view, failWithExecution));
  }

  private Optional<RunOperations.Outcome> finished(
      StoredExecution execution, Message response, boolean failWithExecution) {
    ExecutionProgress progress = executions.progress(execution);
    if (!progress.finished()) {
      return Optional.empty();
    }
    if (progress.succeededOverall() || !failWithExecution) {
      return Optional.of(RunOperations.Outcome.success(response));
    }
    return Optional.of(
        RunOperations.Outcome.failure(
            ApiException.failedPrecondition(
                "Execution "
                    + ResourceNames.last(execution.execution.getName())
                    + " did not complete: "
                    + progress.message())));
  }

  private interface OutcomeCheck {
    Optional<RunOperations.Outcome> check();
  }

  private static RunOperations.Progress progress(Message metadata, OutcomeCheck outcome) {
    return new RunOperations.Progress() {
      @Override
      public Optional<Message> metadata() {
        return Optional.ofNullable(metadata);
      }

      @Override
      public Optional<RunOperations.Outcome> outcome() {
        return outcome.check();
      }
    };
  }
}
