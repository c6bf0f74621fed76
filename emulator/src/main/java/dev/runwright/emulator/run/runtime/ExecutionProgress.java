package dev.runwright.emulator.run.runtime;

/**
 * Task counts of an execution at one moment. {@code finished} is set once no task will change any
 * more; the execution then succeeded when no task failed or was cancelled. {@code message} explains
 * a failure.
 */
public record ExecutionProgress(
    int running,
    int succeeded,
    int failed,
    int cancelled,
    int retried,
    boolean finished,
    String message) {

  public boolean succeededOverall() {
    return finished && failed == 0 && cancelled == 0;
  }
}
