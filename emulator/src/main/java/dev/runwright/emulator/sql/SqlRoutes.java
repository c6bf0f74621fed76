package dev.runwright.emulator.sql;

import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallKind;
import dev.runwright.emulator.http.Router;

/**
 * Registers each Cloud SQL Admin route under both {@code /v1} and {@code /sql/v1beta4}: same JSON,
 * same methods.
 */
final class SqlRoutes {
  private static final String[] PREFIXES = {
    "/v1/projects/{project}", "/sql/v1beta4/projects/{project}"
  };
  private final Router router;

  SqlRoutes(Router router) {
    this.router = router;
  }

  SqlRoutes read(String path, String method, Router.Handler handler) {
    return add("GET", path, method, CallKind.READ, handler);
  }

  SqlRoutes write(String verb, String path, String method, Router.Handler handler) {
    return add(verb, path, method, CallKind.WRITE, handler);
  }

  private SqlRoutes add(
      String verb, String path, String method, CallKind kind, Router.Handler handler) {
    for (String prefix : PREFIXES) {
      router.add(verb, prefix + path, Api.SQL, "sql." + method, kind, handler);
    }
    return this;
  }
}
