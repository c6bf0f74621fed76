package dev.runwright.emulator;

import com.google.protobuf.TypeRegistry;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.iam.IamPolicies;
import dev.runwright.emulator.run.CloudRunAdmin;
import dev.runwright.emulator.run.runtime.SimulatedExecutionRunner;
import dev.runwright.emulator.run.runtime.SimulatedRevisionRuntime;
import dev.runwright.emulator.secrets.SecretEtags;
import dev.runwright.emulator.secrets.SecretHandler;
import dev.runwright.emulator.secrets.SecretStore;
import dev.runwright.emulator.secrets.SecretValues;
import dev.runwright.emulator.secrets.SecretVersionHandler;
import dev.runwright.emulator.sql.CloudSqlAdmin;
import dev.runwright.emulator.world.Simulation;
import java.util.List;

/** Wires the stores and handlers of the three emulated APIs into one router. */
final class EmulatedApis {
  private EmulatedApis() {}

  /** Registers the three APIs; returns the secret payloads for runtimes that need them. */
  static SecretValues register(
      EmulatorConfig config, Simulation sim, Router router, List<Runnable> resets) {
    SecretValues secrets = registerSecretManager(sim, router, resets);
    CloudSqlAdmin sql = new CloudSqlAdmin(sim, config.sqlBackend(), router);
    resets.add(sql::clear);
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
    resets.add(run::clear);
    return secrets;
  }

  private static SecretValues registerSecretManager(
      Simulation sim, Router router, List<Runnable> resets) {
    ProtoJson json = new ProtoJson(TypeRegistry.getEmptyTypeRegistry());
    SecretStore store = new SecretStore();
    IamPolicies iam = new IamPolicies();
    SecretEtags etags = new SecretEtags();
    SecretHandler secrets = new SecretHandler(store, iam, sim, json, etags);
    secrets.register(router);
    new SecretVersionHandler(store, secrets, sim, json, etags).register(router);
    resets.add(store::clear);
    resets.add(iam::clear);
    return store.values(sim.projects());
  }
}
