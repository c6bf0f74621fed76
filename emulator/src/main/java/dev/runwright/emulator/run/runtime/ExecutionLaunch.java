package dev.runwright.emulator.run.runtime;

import com.google.cloud.run.v2.TaskTemplate;
import java.time.Instant;

/**
 * What to run for one execution: its full name, the job's full name, task count and parallelism,
 * and the task template with the run's overrides (args, env, timeout) already applied.
 */
public record ExecutionLaunch(
    String executionName,
    String jobName,
    int taskCount,
    int parallelism,
    TaskTemplate task,
    Instant startTime) {}
