package dev.runwright.emulator.sql;

import com.google.gson.JsonObject;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.world.Simulation;
import dev.runwright.emulator.world.StateDirectory;

/** The emulated Cloud SQL Admin API: one store, one handler per resource family. */
public final class CloudSqlAdmin implements StateDirectory.Persistent {
  private final SqlStore store;

  public CloudSqlAdmin(Simulation sim, CloudSqlBackend backend, Router router) {
    this.store = new SqlStore(sim, backend);
    SqlRoutes routes = new SqlRoutes(router);
    new SqlInstanceHandler(store, sim).register(routes);
    new SqlDatabaseHandler(store, sim).register(routes);
    new SqlUserHandler(store, sim).register(routes);
    new SqlOperationHandler(store).register(routes);
  }

  @Override
  public String key() {
    return "sql";
  }

  @Override
  public JsonObject save() {
    synchronized (store) {
      return SqlSnapshot.save(store);
    }
  }

  @Override
  public void load(JsonObject state) {
    synchronized (store) {
      SqlSnapshot.load(store, state);
    }
  }

  /** Forgets every instance and operation. */
  public void clear() {
    synchronized (store) {
      store.clear();
    }
  }
}
