package dev.runwright.emulator.run.runtime;

/**
 * Runs the tasks of a Cloud Run job execution. The emulator's API layer only records executions;
 * whether they succeed, and when, is up to the runner: simulated by default, real local processes
 * in local mode.
 */
public interface ExecutionRunner {
  ExecutionRun start(ExecutionLaunch launch);
}
