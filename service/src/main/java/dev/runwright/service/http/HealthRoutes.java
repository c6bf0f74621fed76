package dev.runwright.service.http;

import dev.runwright.service.db.Migrations;
import dev.runwright.service.db.SchemaVersion;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code /healthz}: the process answers (liveness). {@code /readyz}: the database answers and its
 * schema is at the version this build expects (readiness / startup probe).
 */
public final class HealthRoutes implements HttpService {
  private final DataSource dataSource;

  public HealthRoutes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/healthz", (req, res) -> Json.send(res, 200, Map.of("status", "ok")));
    rules.get("/readyz", this::ready);
  }

  private void ready(ServerRequest req, ServerResponse res) {
    Optional<String> version;
    try (Connection c = dataSource.getConnection()) {
      version = SchemaVersion.current(c);
    } catch (SQLException e) {
      throw new ApiError(503, "not_ready", "database unreachable: " + e.getClass().getSimpleName());
    }
    if (version.isEmpty()) {
      throw new ApiError(
          503,
          "not_ready",
          "database schema is not migrated; run the migrate command (expected version "
              + Migrations.EXPECTED_VERSION
              + ")");
    }
    if (!version.get().equals(Migrations.EXPECTED_VERSION)) {
      throw new ApiError(
          503,
          "not_ready",
          "database schema is at version "
              + version.get()
              + ", this build expects "
              + Migrations.EXPECTED_VERSION);
    }
    Json.send(res, 200, Map.of("status", "ready", "schema_version", version.get()));
  }
}
