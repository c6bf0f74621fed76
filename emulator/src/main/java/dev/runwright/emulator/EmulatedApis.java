package dev.runwright.emulator;

import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.run.CloudRunAdmin;
import dev.runwright.emulator.run.runtime.SimulatedExecutionRunner;
import dev.runwright.emulator.run.runtime.SimulatedRevisionRuntime;
import dev.runwright.emulator.secrets.SecretManager;
import dev.runwright.emulator.sql.CloudSqlAdmin;
import dev.runwright.emulator.world.Simulation;
import dev.runwright.emulator.world.StateDirectory;
import java.util.List;

/** The three emulated APIs, registered on one router. */
record EmulatedApis(SecretManager secrets, CloudSqlAdmin sql, CloudRunAdmin run) {

  static EmulatedApis register(EmulatorConfig config, Simulation sim, Router router) {
    SecretManager secrets = new SecretManager(sim, router);
    CloudSqlAdmin sql = new CloudSqlAdmin(sim, config.sqlBackend(), router);
    CloudRunAdmin run =
        new CloudRunAdmin(
            sim,
            config.revisionRuntime() != null
                ? config.revisionRuntime()
                : new SimulatedRevisionRuntime(sim),
            config.executionRunner() != null
                ? config.executionRunner()
                : new SimulatedExecutionRunner(sim),
            router);
    return new EmulatedApis(secrets, sql, run);
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
