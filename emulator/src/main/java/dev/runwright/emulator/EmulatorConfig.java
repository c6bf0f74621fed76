package dev.runwright.emulator;

import dev.runwright.emulator.control.Latencies;
import dev.runwright.emulator.local.LocalRuntimeConfig;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.sql.CloudSqlBackend;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * How to start an emulator: the loopback port (0 picks a free one), work latencies, known project
 * numbers, the clock, and optional runtimes for revisions and job executions (null: simulated), or
 * the local runtime that really runs them ({@link #withLocalRuntime}).
 */
public record EmulatorConfig(
    int port,
    Latencies latencies,
    Map<String, Long> projectNumbers,
    InstantSource clock,
    RevisionRuntime revisionRuntime,
    ExecutionRunner executionRunner,
    CloudSqlBackend sqlBackend,
    Path stateDirectory,
    LocalRuntimeConfig localRuntime) {

  public EmulatorConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    latencies = latencies == null ? Latencies.none() : latencies;
    projectNumbers = projectNumbers == null ? Map.of() : Map.copyOf(projectNumbers);
    clock = clock == null ? InstantSource.system() : clock;
    sqlBackend = sqlBackend == null ? CloudSqlBackend.none() : sqlBackend;
  }

  /** A free port, no latencies, simulated runtimes. */
  public static EmulatorConfig defaults() {
    return new EmulatorConfig(0, null, null, null, null, null, null, null, null);
  }

  public EmulatorConfig withPort(int value) {
    return new EmulatorConfig(
        value,
        latencies,
        projectNumbers,
        clock,
        revisionRuntime,
        executionRunner,
        sqlBackend,
        stateDirectory,
        localRuntime);
  }

  public EmulatorConfig withLatencies(Latencies value) {
    return new EmulatorConfig(
        port,
        value,
        projectNumbers,
        clock,
        revisionRuntime,
        executionRunner,
        sqlBackend,
        stateDirectory,
        localRuntime);
  }

  public EmulatorConfig withProjectNumber(String projectId, long number) {
    Map<String, Long> numbers = new java.util.HashMap<>(projectNumbers);
    numbers.put(projectId, number);
    return new EmulatorConfig(
        port,
        latencies,
        numbers,
        clock,
        revisionRuntime,
        executionRunner,
        sqlBackend,
        stateDirectory,
        localRuntime);
  }

  public EmulatorConfig withClock(InstantSource value) {
    return new EmulatorConfig(
        port,
        latencies,
        projectNumbers,
        value,
        revisionRuntime,
        executionRunner,
        sqlBackend,
        stateDirectory,
        localRuntime);
  }

  public EmulatorConfig withRevisionRuntime(RevisionRuntime value) {
    return new EmulatorConfig(
        port,
        latencies,
        projectNumbers,
        clock,
        value,
        executionRunner,
        sqlBackend,
        stateDirectory,
        localRuntime);
  }

  /** Keeps the state in {@code directory/state.json} across restarts (null: in memory only). */
  public EmulatorConfig withStateDirectory(Path directory) {
    return new EmulatorConfig(
        port,
        latencies,
        projectNumbers,
        clock,
        revisionRuntime,
        executionRunner,
        sqlBackend,
        directory,
        localRuntime);
  }

  public EmulatorConfig withSqlBackend(CloudSqlBackend value) {
    return new EmulatorConfig(
        port,
        latencies,
        projectNumbers,
        clock,
        revisionRuntime,
        executionRunner,
        value,
        stateDirectory,
        localRuntime);
  }

  public EmulatorConfig withExecutionRunner(ExecutionRunner value) {
    return new EmulatorConfig(
        port,
        latencies,
        projectNumbers,
        clock,
        revisionRuntime,
        value,
        sqlBackend,
        stateDirectory,
        localRuntime);
  }

  /**
   * Runs revisions and job executions as local processes and backs Cloud SQL with a real MariaDB
   * (null: API only). Takes the place of the three runtime seams.
   */
  public EmulatorConfig withLocalRuntime(LocalRuntimeConfig value) {
    return new EmulatorConfig(
        port,
        latencies,
        projectNumbers,
        clock,
        revisionRuntime,
        executionRunner,
        sqlBackend,
        stateDirectory,
        value);
  }
}
