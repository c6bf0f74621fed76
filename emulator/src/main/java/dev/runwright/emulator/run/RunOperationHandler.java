package dev.runwright.emulator.run;

import com.google.longrunning.ListOperationsResponse;
import com.google.longrunning.Operation;
import com.google.longrunning.WaitOperationRequest;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallKind;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.world.Pagination;
import java.time.Duration;

/**
 * Cloud Run long-running operations: get, list, delete and {@code :wait} (bounded by its timeout,
 * at most 60 s).
 */
final class RunOperationHandler {
  private static final String OPERATIONS = "/v2/projects/{project}/locations/{location}/operations";
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final RunStore store;
  private final ProtoJson json;

  RunOperationHandler(RunStore store, ProtoJson json) {
    this.store = store;
    this.json = json;
  }

  void register(Router router) {
    router.get(OPERATIONS, Api.RUN, "run.operations.list", this::list);
    router.get(OPERATIONS + "/{operation}", Api.RUN, "run.operations.get", this::get);
    router.delete(OPERATIONS + "/{operation}", Api.RUN, "run.operations.delete", this::delete);
    router.add(
        "POST",
        OPERATIONS + "/{operation}:wait",
        Api.RUN,
        "run.operations.wait",
        CallKind.READ,
        this::await);
  }

  private static String name(PathParams p) {
    return "projects/"
        + p.get("project")
        + "/locations/"
        + p.get("location")
        + "/operations/"
        + p.get("operation");
  }

  private Operation find(String name) {
    synchronized (store) {
      return store
          .operations
          .get(name)
          .orElseThrow(() -> ApiException.notFound("Operation '" + name + "' was not found"));
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    return json.ok(request, find(name(p)));
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    String location = "projects/" + p.get("project") + "/locations/" + p.get("location");
    synchronized (store) {
      Pagination<Operation> page =
          Pagination.of(
              store.operations.list(location),
              request.intParam("pageSize"),
              request.param("pageToken").orElse(null));
      return json.ok(
          request,
          ListOperationsResponse.newBuilder()
              .addAllOperations(page.items())
              .setNextPageToken(page.nextPageToken())
              .build());
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    synchronized (store) {
      if (!store.operations.delete(name(p))) {
        throw ApiException.notFound("Operation '" + name(p) + "' was not found");
      }
    }
    return ApiResponse.ok("{}");
  }

  private ApiResponse await(ApiRequest request, PathParams p) {
    WaitOperationRequest body = json.parse(request, WaitOperationRequest.newBuilder()).build();
    Duration timeout =
        body.hasTimeout()
            ? Duration.ofSeconds(body.getTimeout().getSeconds(), body.getTimeout().getNanos())
            : MAX_WAIT;
    long deadline = System.nanoTime() + Math.min(timeout.toNanos(), MAX_WAIT.toNanos());
    Operation operation = find(name(p));
    while (!operation.getDone() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      operation = find(name(p));
    }
    return json.ok(request, operation);
  }
}
