package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Execution;
import com.google.protobuf.Timestamp;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import dev.runwright.emulator.run.runtime.ExecutionRun;

/**
 * An execution: its fixed definition and the runner's handle; completion time stamped when first
 * seen done.
 */
final class StoredExecution {
  final Execution execution;
  final ExecutionRun run;
  Timestamp completionTime;
  ExecutionProgress finalProgress;

  StoredExecution(Execution execution, ExecutionRun run) {
    this.execution = execution;
    this.run = run;
  }

  /**
   * The runner's progress, frozen once finished so a finished execution never changes again. The
   * completion time is stamped ({@code now}) at the same moment, so whatever first sees the
   * execution done (a read or an operation poll) never sees it before its completion time.
   */
  ExecutionProgress progress(Timestamp now) {
    if (finalProgress != null) {
      return finalProgress;
    }
    ExecutionProgress progress = run.progress();
    if (progress.finished()) {
      finalProgress = progress;
      completionTime = now;
    }
    return progress;
  }
}
