package dev.runwright.emulator.sql;

import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.OperationsListResponse;
import com.google.api.services.sqladmin.model.Tier;
import com.google.api.services.sqladmin.model.TiersListResponse;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.world.Pagination;
import java.util.List;

/**
 * Cloud SQL operations (get, list; finished when {@code status} is DONE) and the tier catalogue.
 */
final class SqlOperationHandler {
  private final SqlStore store;

  SqlOperationHandler(SqlStore store) {
    this.store = store;
  }

  void register(SqlRoutes routes) {
    routes
        .read("/operations/{operation}", "operations.get", this::get)
        .read("/operations", "operations.list", this::list)
        .read("/tiers", "tiers.list", this::tiers);
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return SqlJson.ok(
          store
              .operation(p.get("project"), p.get("operation"))
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                              "The Cloud SQL operation " + p.get("operation") + " does not exist.")
                          .withReason("operationDoesNotExist")));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      Pagination<Operation> page =
          Pagination.of(
              store.operations(p.get("project"), request.param("instance").orElse(null)),
              request.intParam("maxResults"),
              request.param("pageToken").orElse(null));
      OperationsListResponse body = new OperationsListResponse().setKind("sql#operationsList");
      body.setItems(page.items());
      if (!page.nextPageToken().isEmpty()) {
        body.setNextPageToken(page.nextPageToken());
      }
      return SqlJson.ok(body);
    }
  }

  private ApiResponse tiers(ApiRequest request, PathParams p) {
    List<Tier> tiers =
        SqlTiers.catalog().stream().map(t -> new Tier().setKind("sql#tier").setTier(t)).toList();
    TiersListResponse body = new TiersListResponse().setKind("sql#tiersList");
    body.setItems(tiers);
    return SqlJson.ok(body);
  }
}
