package dev.runwright.emulator.run.runtime;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import dev.runwright.emulator.world.Simulation;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executions that run nothing: all tasks run for the configured execution latency, then succeed, or
 * fail when the outcome rules name the job or a container carries {@value #RESULT_ENV}{@code
 * =failed} (which a run's container overrides can set).
 */
public final class SimulatedExecutionRunner implements ExecutionRunner {
  /** Environment variable that makes a simulated execution fail when set to {@code failed}. */
  public static final String RESULT_ENV = "EMULATOR_EXECUTION_RESULT";

  private final Simulation sim;

  public SimulatedExecutionRunner(Simulation sim) {
    this.sim = sim;
  }

  @Override
  public ExecutionRun start(ExecutionLaunch launch) {
    Instant doneAt = launch.startTime().plus(sim.latencies().executionRun());
    boolean fails = sim.outcomes().executionFails(launch.jobName()) || requestsFailure(launch);
    int tasks = launch.taskCount();
    AtomicReference<Instant> cancelledAt = new AtomicReference<>();
    return new ExecutionRun() {
      @Override
      public ExecutionProgress progress() {
        Instant cancelled = cancelledAt.get();
        if (cancelled != null && cancelled.isBefore(doneAt)) {
          return new ExecutionProgress(0, 0, 0, tasks, 0, true, "The execution was cancelled.");
        }
        if (sim.now().isBefore(doneAt)) {
          int running = launch.parallelism() > 0 ? Math.min(tasks, launch.parallelism()) : tasks;
          return new ExecutionProgress(running, 0, 0, 0, 0, false, "");
        }
        if (fails) {
          return new ExecutionProgress(
              0,
              0,
              tasks,
              0,
              0,
              true,
              "Task "
                  + launch.executionName()
                  + "-task0 failed with exit code 1 (simulated failure).");
        }
        return new ExecutionProgress(0, tasks, 0, 0, 0, true, "");
      }

      @Override
      public void cancel() {
        cancelledAt.compareAndSet(null, sim.now());
      }
    };
  }

  private static boolean requestsFailure(ExecutionLaunch launch) {
    for (Container container : launch.task().getContainersList()) {
      for (EnvVar env : container.getEnvList()) {
        if (env.getName().equals(RESULT_ENV) && env.getValue().equals("failed")) {
          return true;
        }
      }
    }
    return false;
  }
}
