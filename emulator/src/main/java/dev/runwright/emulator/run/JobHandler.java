package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.ListJobsResponse;
import com.google.cloud.run.v2.RunJobRequest;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.world.Pagination;
import dev.runwright.emulator.world.Simulation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cloud Run v2 jobs: create, get, list, update (PATCH), delete, and {@code :run} with overrides.
 * Execution tokens on create or update start at most one execution per token.
 */
final class JobHandler {
  private static final String LOCATION = "/v2/projects/{project}/locations/{location}";
  private static final String JOB = LOCATION + "/jobs/{job}";

  private final RunStore store;
  private final JobExecutions executions;
  private final Simulation sim;
  private final ProtoJson json;

  JobHandler(RunStore store, JobExecutions executions, Simulation sim, ProtoJson json) {
    this.store = store;
    this.executions = executions;
    this.sim = sim;
    this.json = json;
  }

  void register(Router router) {
    router.post(LOCATION + "/jobs", Api.RUN, "run.jobs.create", this::create);
    router.get(LOCATION + "/jobs", Api.RUN, "run.jobs.list", this::list);
    router.get(JOB, Api.RUN, "run.jobs.get", this::get);
    router.patch(JOB, Api.RUN, "run.jobs.update", this::update);
    router.delete(JOB, Api.RUN, "run.jobs.delete", this::delete);
    router.post(JOB + ":run", Api.RUN, "run.jobs.run", this::run);
  }

  private static String location(PathParams p) {
    return "projects/" + p.get("project") + "/locations/" + p.get("location");
  }

  private static String name(PathParams p) {
    return location(p) + "/jobs/" + p.get("job");
  }

  private ApiResponse create(ApiRequest request, PathParams p) {
    String jobId = request.param("jobId").orElse("");
    RevisionNames.checkResourceId("job_id", jobId, 63);
    Job input = json.parse(request, Job.newBuilder()).build();
    String name = location(p) + "/jobs/" + jobId;
    synchronized (store) {
      if (store.jobs.containsKey(name)) {
        throw ApiException.alreadyExists("Resource '" + jobId + "' already exists.");
      }
      StoredJob stored =
          new StoredJob(declared(input, name), UUID.randomUUID().toString(), sim.nowTimestamp());
      stored.etag = store.nextEtag();
      if (request.boolParam("validateOnly")) {
        return json.ok(request, store.operations.done(location(p), executions.render(stored)));
      }
      store.jobs.put(name, stored);
      return json.ok(request, jobWrite(location(p), stored));
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return json.ok(request, executions.render(store.job(name(p))));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      List<Job> all =
          store.jobs.entrySet().stream()
              .filter(e -> e.getKey().startsWith(location(p) + "/jobs/"))
              .map(e -> executions.render(e.getValue()))
              .toList();
      Pagination<Job> page =
          Pagination.of(all, request.intParam("pageSize"), request.param("pageToken").orElse(null));
      return json.ok(
          request,
          ListJobsResponse.newBuilder()
              .addAllJobs(page.items())
              .setNextPageToken(page.nextPageToken())
              .build());
    }
  }

  private ApiResponse update(ApiRequest request, PathParams p) {
    Job input = json.parse(request, Job.newBuilder()).build();
    String name = name(p);
    synchronized (store) {
      StoredJob stored = store.jobs.get(name);
      if (stored == null) {
        if (!request.boolParam("allowMissing")) {
          throw ApiException.notFound("Resource '" + name + "' was not found");
        }
        stored =
            new StoredJob(declared(input, name), UUID.randomUUID().toString(), sim.nowTimestamp());
        stored.etag = store.nextEtag();
        store.jobs.put(name, stored);
        return json.ok(request, jobWrite(location(p), stored));
      }
      RunStore.checkEtag(input.getEtag(), stored.etag, name);
      Job spec = declared(input, name);
      if (request.boolParam("validateOnly")) {
        return json.ok(request, store.operations.done(location(p), executions.render(stored)));
      }
      if (!spec.equals(stored.spec)) {
        stored.spec = spec;
        stored.generation++;
        stored.updateTime = sim.nowTimestamp();
        stored.etag = store.nextEtag();
      }
      return json.ok(request, jobWrite(location(p), stored));
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String name = name(p);
    synchronized (store) {
      StoredJob stored = store.job(name);
      RunStore.checkEtag(request.param("etag").orElse(""), stored.etag, name);
      Job last = executions.render(stored);
      if (!request.boolParam("validateOnly")) {
        store.jobs.remove(name);
        store.iam.remove(name);
        List.copyOf(store.executions.keySet()).stream()
            .filter(e -> e.startsWith(name + "/executions/"))
            .forEach(e -> store.executions.remove(e).run.cancel());
      }
      return json.ok(request, store.operations.done(location(p), last));
    }
  }

  private ApiResponse run(ApiRequest request, PathParams p) {
    RunJobRequest body = json.parse(request, RunJobRequest.newBuilder()).build();
    if (body.getOverrides().getTaskCount() < 0) {
      throw ApiException.invalidArgument(
          "overrides.task_count", "task_count must not be negative.");
    }
    synchronized (store) {
      StoredJob job = store.job(name(p));
      RunStore.checkEtag(body.getEtag(), job.etag, name(p));
      if (body.getValidateOnly()) {
        return json.ok(request, store.operations.done(location(p), executions.render(job)));
      }
      StoredExecution execution = executions.run(job, body.getOverrides());
      return json.ok(
          request,
          store.operations.start(
              location(p),
              new RunOperations.Work(
                  RunOperations.Kind.EXECUTION_RUN, execution.execution.getName(), 0, ""),
              executions.render(execution)));
    }
  }

  /** A job write's operation: it waits for the execution a run token started, if any. */
  private com.google.longrunning.Operation jobWrite(String location, StoredJob stored) {
    Optional<StoredExecution> tokenExecution = executions.startForToken(stored);
    String awaited =
        stored.spec.hasRunExecutionToken()
            ? tokenExecution.map(e -> e.execution.getName()).orElse("")
            : "";
    return store.operations.start(
        location,
        new RunOperations.Work(RunOperations.Kind.JOB_WRITE, stored.spec.getName(), 0, awaited),
        executions.render(stored));
  }

  private Job declared(Job input, String name) {
    long number = sim.projects().number(ResourceNames.parse(name).project());
    Job spec =
        input.toBuilder()
            .setName(name)
            .clearUid()
            .clearGeneration()
            .clearCreateTime()
            .clearUpdateTime()
            .clearDeleteTime()
            .clearExpireTime()
            .clearCreator()
            .clearLastModifier()
            .clearObservedGeneration()
            .clearTerminalCondition()
            .clearConditions()
            .clearExecutionCount()
            .clearLatestCreatedExecution()
            .clearReconciling()
            .clearSatisfiesPzs()
            .clearEtag()
            .setTemplate(RunDefaults.execution(input.getTemplate(), number))
            .build();
    String token = JobExecutions.token(spec);
    if (!token.isEmpty() && (ResourceNames.last(name) + "-" + token).length() > 63) {
      throw ApiException.invalidArgument(
          "job.run_execution_token",
          "The job name and the execution token together must be shorter than 63 characters.");
    }
    return spec;
  }
}
