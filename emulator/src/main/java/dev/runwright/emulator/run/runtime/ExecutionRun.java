package dev.runwright.emulator.run.runtime;

/** A started execution; polled whenever the API reads it. */
public interface ExecutionRun {
  ExecutionProgress progress();

  /** Asks the tasks to stop; a later {@link #progress()} reports them cancelled. */
  void cancel();

  /** Where the execution's logs can be read; empty: Cloud Logging's console link. */
  default java.util.Optional<String> logUri() {
    return java.util.Optional.empty();
  }
}
