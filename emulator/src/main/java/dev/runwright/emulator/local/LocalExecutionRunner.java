package dev.runwright.emulator.local;

import dev.runwright.emulator.run.runtime.ExecutionLaunch;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import dev.runwright.emulator.run.runtime.ExecutionRun;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs an execution's tasks as local processes, at most {@code parallelism} at once, each retried
 * up to the task template's {@code maxRetries} and stopped at its {@code timeout}. All tasks append
 * to one log file per execution, which is the execution's {@code logUri}.
 */
final class LocalExecutionRunner implements ExecutionRunner {
  private final ContainerLauncher launcher;
  private final LocalProcesses processes;
  private final Path logs;

  LocalExecutionRunner(ContainerLauncher launcher, LocalProcesses processes, Path logs) {
    this.launcher = launcher;
    this.processes = processes;
    this.logs = logs;
  }

  @Override
  public ExecutionRun start(ExecutionLaunch launch) {
    String id = launch.executionName().substring(launch.executionName().lastIndexOf('/') + 1);
    Path log = logs.resolve("executions").resolve(id + ".log");
    LocalExecution execution = new LocalExecution(launch, log);
    Thread.ofVirtual().name("execution-" + id).start(execution::run);
    return execution;
  }

  private final class LocalExecution implements ExecutionRun {
    private final ExecutionLaunch launch;
    private final Path log;
    private final List<Process> running = new ArrayList<>();
    private int active;
    private int succeeded;
    private int failed;
    private int cancelled;
    private int retried;
    private boolean finished;
    private boolean cancelRequested;
    private String message = "";

    LocalExecution(ExecutionLaunch launch, Path log) {
      this.launch = launch;
      this.log = log;
    }

    @Override
    public synchronized ExecutionProgress progress() {
      return new ExecutionProgress(
          active, succeeded, failed, cancelled, retried, finished, message);
    }

    @Override
    public void cancel() {
      List<Process> toStop;
      synchronized (this) {
        cancelRequested = true;
        toStop = List.copyOf(running);
      }
      toStop.forEach(processes::stopLater);
    }

    @Override
    public Optional<String> logUri() {
      return Optional.of(log.toUri().toString());
    }

    void run() {
      ContainerLauncher.Prepared prepared;
      try {
        prepared =
            launcher.prepare(
                launch.task().getContainers(0),
                launch.jobName().split("/")[1],
                "spec.template.spec.template.spec.containers[0]");
      } catch (LaunchException | UncheckedIOException e) {
        synchronized (this) {
          failed = launch.taskCount();
          message = e.getMessage();
          finished = true;
        }
        return;
      }
      int parallelism =
          launch.parallelism() > 0
              ? Math.min(launch.parallelism(), launch.taskCount())
              : launch.taskCount();
      Semaphore slots = new Semaphore(Math.max(1, parallelism));
      CountDownLatch done = new CountDownLatch(launch.taskCount());
      for (int index = 0; index < launch.taskCount(); index++) {
        int task = index;
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    slots.acquire();
                    try {
                      runTask(prepared, task);
                    } finally {
                      slots.release();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    done.countDown();
                  }
                });
      }
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        finished = true;
      }
    }

    private void runTask(ContainerLauncher.Prepared prepared, int task)
        throws InterruptedException {
      int maxRetries = launch.task().getMaxRetries();
      Duration timeout =
          launch.task().hasTimeout()
              ? Duration.ofSeconds(launch.task().getTimeout().getSeconds())
              : Duration.ofMinutes(10);
      for (int attempt = 0; ; attempt++) {
        Process process;
        synchronized (this) {
          if (cancelRequested) {
            cancelled++;
            return;
          }
          try {
            process = prepared.start(platformEnv(task, attempt), log);
          } catch (LaunchException | UncheckedIOException e) {
            failed++;
            message = message.isEmpty() ? e.getMessage() : message;
            return;
          }
          running.add(process);
          active++;
        }
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
          processes.stop(process);
        }
        synchronized (this) {
          running.remove(process);
          active--;
          if (cancelRequested) {
            cancelled++;
            return;
          }
          if (exited && process.exitValue() == 0) {
            succeeded++;
            return;
          }
          String reason =
              exited
                  ? "failed with exit code " + process.exitValue()
                  : "was stopped after its timeout of " + timeout.toSeconds() + "s";
          if (attempt < maxRetries) {
            retried++;
            continue;
          }
          failed++;
          if (message.isEmpty()) {
            message =
                "Task "
                    + ResourceIds.last(launch.executionName())
                    + "-task"
                    + task
                    + " "
                    + reason
                    + ". Logs: "
                    + log.toUri();
          }
          return;
        }
      }
    }

    private Map<String, String> platformEnv(int task, int attempt) {
      return Map.of(
          "CLOUD_RUN_JOB", ResourceIds.last(launch.jobName()),
          "CLOUD_RUN_EXECUTION", ResourceIds.last(launch.executionName()),
          "CLOUD_RUN_TASK_INDEX", Integer.toString(task),
          "CLOUD_RUN_TASK_ATTEMPT", Integer.toString(attempt),
          "CLOUD_RUN_TASK_COUNT", Integer.toString(launch.taskCount()));
    }
  }
}
