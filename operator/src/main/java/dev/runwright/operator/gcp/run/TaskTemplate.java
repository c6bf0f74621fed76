package dev.runwright.operator.gcp.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What each task of a job's execution runs.
 *
 * @param maxRetries retries per failed task
 * @param timeout the longest a task attempt may run; empty uses Cloud Run's default
 */
public record TaskTemplate(
    List<Container> containers,
    List<CloudSqlVolume> volumes,
    int maxRetries,
    Optional<Duration> timeout,
    Optional<String> serviceAccount) {

  public TaskTemplate {
    containers = List.copyOf(containers);
    volumes = List.copyOf(volumes);
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries cannot be negative");
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
  }
}
