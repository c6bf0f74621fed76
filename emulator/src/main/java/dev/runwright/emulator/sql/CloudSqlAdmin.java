package dev.runwright.emulator.sql;

import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.world.Simulation;

/** The emulated Cloud SQL Admin API: one store, one handler per resource family. */
public final class CloudSqlAdmin {
  private final SqlStore store;

  public CloudSqlAdmin(Simulation sim, CloudSqlBackend backend, Router router) {
    this.store = new SqlStore(sim, backend);
    SqlRoutes routes = new SqlRoutes(router);
    new SqlInstanceHandler(store, sim).register(routes);
    new SqlDatabaseHandler(store, sim).register(routes);
    new SqlUserHandler(store, sim).register(routes);
    new SqlOperationHandler(store).register(routes);
  }

  /** Forgets every instance and operation. */
  public void clear() {
    synchronized (store) {
      store.clear();
    }
  }
}
