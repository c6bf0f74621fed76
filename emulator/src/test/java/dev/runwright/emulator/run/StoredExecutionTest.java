package dev.runwright.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.run.v2.Execution;
import com.google.protobuf.Timestamp;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import dev.runwright.emulator.run.runtime.ExecutionRun;
import org.junit.jupiter.api.Test;

class StoredExecutionTest {
  private static final ExecutionProgress RUNNING = new ExecutionProgress(1, 0, 0, 0, 0, false, "");
  private static final ExecutionProgress SUCCEEDED = new ExecutionProgress(0, 1, 0, 0, 0, true, "");

  /** The runner's answer, switched by the test. */
  private ExecutionProgress current = RUNNING;

  private final StoredExecution execution =
      new StoredExecution(
          Execution.getDefaultInstance(),
          new ExecutionRun() {
            @Override
            public ExecutionProgress progress() {
              return current;
            }

            @Override
            public void cancel() {}
          });

  @Test
  void theFirstLookThatSeesTheExecutionDoneStampsItsCompletionTime() {
    assertThat(execution.progress(at(1))).isEqualTo(RUNNING);
    assertThat(execution.completionTime).isNull();

    current = SUCCEEDED;
    assertThat(execution.progress(at(2))).isEqualTo(SUCCEEDED);
    assertThat(execution.completionTime).isEqualTo(at(2));

    current = RUNNING;
    assertThat(execution.progress(at(3))).isEqualTo(SUCCEEDED);
    assertThat(execution.completionTime).isEqualTo(at(2));
  }

  private static Timestamp at(long seconds) {
    return Timestamp.newBuilder().setSeconds(seconds).build();
  }
}
