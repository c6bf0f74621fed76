package dev.runwright.emulator;

import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.local.LocalRuntime;
import dev.runwright.emulator.run.CloudRunAdmin;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.run.runtime.ServiceRouter;
import dev.runwright.emulator.run.runtime.SimulatedExecutionRunner;
import dev.runwright.emulator.run.runtime.SimulatedRevisionRuntime;
import dev.runwright.emulator.secrets.SecretManager;
import dev.runwright.emulator.sql.CloudSqlAdmin;
import dev.runwright.emulator.sql.CloudSqlBackend;
import dev.runwright.emulator.world.Simulation;
import dev.runwright.emulator.world.StateDirectory;
import java.util.List;
import java.util.Optional;

/** The three emulated APIs, registered on one router, and the local runtime when configured. */
record EmulatedApis(
    SecretManager secrets, CloudSqlAdmin sql, CloudRunAdmin run, Optional<LocalRuntime> local) {

  static EmulatedApis register(EmulatorConfig config, Simulation sim, Router router) {
    SecretManager secrets = new SecretManager(sim, router);
    Optional<LocalRuntime> local =
        Optional.ofNullable(config.localRuntime())
            .map(settings -> LocalRuntime.start(settings, secrets.values()));
    try {
      CloudSqlBackend sqlBackend =
          local.<CloudSqlBackend>map(LocalRuntime::sqlBackend).orElse(config.sqlBackend());
      RevisionRuntime revisions =
          local
              .<RevisionRuntime>map(LocalRuntime::revisions)
              .orElseGet(
                  () ->
                      config.revisionRuntime() != null
                          ? config.revisionRuntime()
                          : new SimulatedRevisionRuntime(sim));
      ExecutionRunner executions =
          local
              .<ExecutionRunner>map(LocalRuntime::executions)
              .orElseGet(
                  () ->
                      config.executionRunner() != null
                          ? config.executionRunner()
                          : new SimulatedExecutionRunner(sim));
      ServiceRouter serviceRouter =
          local.<ServiceRouter>map(LocalRuntime::router).orElse(ServiceRouter.none());
      CloudSqlAdmin sql = new CloudSqlAdmin(sim, sqlBackend, router);
      CloudRunAdmin run = new CloudRunAdmin(sim, revisions, executions, serviceRouter, router);
      return new EmulatedApis(secrets, sql, run, local);
    } catch (RuntimeException e) {
      local.ifPresent(LocalRuntime::close);
      throw e;
    }
  }

  /** Forgets every resource of every API. */
  List<Runnable> resets() {
    return List.of(secrets::clear, sql::clear, run::clear);
  }

  /** The parts of the state file. */
  List<StateDirectory.Persistent> persistent() {
    return List.of(secrets, sql, run);
  }
}
