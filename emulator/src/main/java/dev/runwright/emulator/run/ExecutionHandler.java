package dev.runwright.emulator.run;

import com.google.cloud.run.v2.CancelExecutionRequest;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ListExecutionsResponse;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.world.Pagination;
import java.util.List;

/** Cloud Run v2 executions of a job: get, list (newest first), delete and {@code :cancel}. */
final class ExecutionHandler {
  private static final String EXECUTIONS =
      "/v2/projects/{project}/locations/{location}/jobs/{job}/executions";

  private final RunStore store;
  private final JobExecutions executions;
  private final ProtoJson json;

  ExecutionHandler(RunStore store, JobExecutions executions, ProtoJson json) {
    this.store = store;
    this.executions = executions;
    this.json = json;
  }

  void register(Router router) {
    router.get(EXECUTIONS, Api.RUN, "run.executions.list", this::list);
    router.get(EXECUTIONS + "/{execution}", Api.RUN, "run.executions.get", this::get);
    router.delete(EXECUTIONS + "/{execution}", Api.RUN, "run.executions.delete", this::delete);
    router.post(EXECUTIONS + "/{execution}:cancel", Api.RUN, "run.executions.cancel", this::cancel);
  }

  private static String job(PathParams p) {
    return "projects/"
        + p.get("project")
        + "/locations/"
        + p.get("location")
        + "/jobs/"
        + p.get("job");
  }

  private static String name(PathParams p) {
    return job(p) + "/executions/" + p.get("execution");
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return json.ok(request, executions.render(store.execution(name(p))));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      store.job(job(p));
      List<Execution> all =
          RunStore.childrenNewestFirst(store.executions, job(p) + "/executions").stream()
              .map(executions::render)
              .toList();
      Pagination<Execution> page =
          Pagination.of(all, request.intParam("pageSize"), request.param("pageToken").orElse(null));
      return json.ok(
          request,
          ListExecutionsResponse.newBuilder()
              .addAllExecutions(page.items())
              .setNextPageToken(page.nextPageToken())
              .build());
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String name = name(p);
    synchronized (store) {
      StoredExecution stored = store.execution(name);
      RunStore.checkEtag(request.param("etag").orElse(""), stored.execution.getEtag(), name);
      if (request.boolParam("validateOnly")) {
        return json.ok(request, store.operations.done(location(name), executions.render(stored)));
      }
      stored.run.cancel();
      Execution last = executions.render(stored);
      store.executions.remove(name);
      return json.ok(request, store.operations.done(location(name), last));
    }
  }

  private ApiResponse cancel(ApiRequest request, PathParams p) {
    CancelExecutionRequest body = json.parse(request, CancelExecutionRequest.newBuilder()).build();
    String name = name(p);
    synchronized (store) {
      StoredExecution stored = store.execution(name);
      RunStore.checkEtag(body.getEtag(), stored.execution.getEtag(), name);
      if (executions.progress(stored).finished()) {
        throw ApiException.failedPrecondition(
            "Execution " + p.get("execution") + " has already completed and cannot be cancelled.");
      }
      if (!body.getValidateOnly()) {
        stored.run.cancel();
      }
      return json.ok(
          request,
          store.operations.start(
              location(name),
              new RunOperations.Work(RunOperations.Kind.EXECUTION_CANCEL, name, 0, ""),
              executions.render(stored)));
    }
  }

  private static String location(String name) {
    return ResourceNames.parse(name).locationName();
  }
}
