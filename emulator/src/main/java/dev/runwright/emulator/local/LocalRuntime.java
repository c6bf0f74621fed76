package dev.runwright.emulator.local;

import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.run.runtime.ServiceRouter;
import dev.runwright.emulator.secrets.SecretValues;
import dev.runwright.emulator.sql.CloudSqlBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The emulator's local runtime: Cloud Run revisions and job executions run as local processes from
 * image tarballs, service and tag URLs are local proxies, Cloud SQL is a real MariaDB. Closing it
 * stops every process it started.
 */
public final class LocalRuntime implements AutoCloseable {
  private final LocalProcesses processes;
  private final CloudSqlSockets sockets;
  private final LocalRevisionRuntime revisions;
  private final LocalExecutionRunner executions;
  private final ServiceProxies router;
  private final MariaDbBackend sqlBackend;
  private final Path workDirectory;

  private LocalRuntime(LocalRuntimeConfig config, SecretValues secrets) {
    try {
      this.workDirectory =
          config.workDirectory() != null
              ? Files.createDirectories(config.workDirectory().toAbsolutePath())
              : Files.createTempDirectory("runwright-local-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the local runtime's work directory", e);
    }
    this.processes = new LocalProcesses();
    this.sockets = new CloudSqlSockets(config.database().socket());
    ContainerLauncher launcher =
        new ContainerLauncher(
            new ImageStore(config.images(), config.commands(), workDirectory.resolve("images")),
            config.javaHome(),
            secrets,
            sockets,
            processes,
            workDirectory.resolve("home"));
    Path logs = workDirectory.resolve("logs");
    this.revisions = new LocalRevisionRuntime(launcher, processes, logs);
    this.executions = new LocalExecutionRunner(launcher, processes, logs);
    this.router = new ServiceProxies(revisions);
    this.sqlBackend = new MariaDbBackend(config.database());
  }

  public static LocalRuntime start(LocalRuntimeConfig config, SecretValues secrets) {
    return new LocalRuntime(config, secrets);
  }

  public RevisionRuntime revisions() {
    return revisions;
  }

  public ExecutionRunner executions() {
    return executions;
  }

  public ServiceRouter router() {
    return router;
  }

  public CloudSqlBackend sqlBackend() {
    return sqlBackend;
  }

  /** Unpacked images, logs ({@code logs/revisions}, {@code logs/executions}) and a home. */
  public Path workDirectory() {
    return workDirectory;
  }

  @Override
  public void close() {
    router.close();
    processes.close();
    sockets.close();
  }
}
