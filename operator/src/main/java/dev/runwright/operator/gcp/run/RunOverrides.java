package dev.runwright.operator.gcp.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to one execution of a job, without changing the job.
 *
 * @param args replaces the first container's arguments when not empty
 * @param env added to the first container's environment
 */
public record RunOverrides(
    List<String> args,
    Map<String, String> env,
    Optional<Integer> taskCount,
    Optional<Duration> timeout) {

  public RunOverrides {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    Objects.requireNonNull(taskCount, "taskCount");
    Objects.requireNonNull(timeout, "timeout");
  }

  public static RunOverrides none() {
    return new RunOverrides(List.of(), Map.of(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return args.isEmpty() && env.isEmpty() && taskCount.isEmpty() && timeout.isEmpty();
  }
}
