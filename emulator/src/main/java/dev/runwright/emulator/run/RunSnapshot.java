package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.runwright.emulator.run.runtime.ExecutionLaunch;
import dev.runwright.emulator.run.runtime.ExecutionProgress;
import dev.runwright.emulator.run.runtime.ExecutionRun;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.world.JsonTrees;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cloud Run store as JSON. Revisions are started again through the runtime when loaded; an
 * execution that was still running is launched again with its original start time (Cloud Run also
 * retries tasks whose instance went away).
 */
final class RunSnapshot {
  private final JsonTrees trees = new JsonTrees(CloudRunAdmin.TYPES);
  private final RunStore store;
  private final ServiceRollout rollout;
  private final JobExecutions executions;
  private final RevisionRuntime runtime;
  private final ExecutionRunner runner;

  RunSnapshot(
      RunStore store,
      ServiceRollout rollout,
      JobExecutions executions,
      RevisionRuntime runtime,
      ExecutionRunner runner) {
    this.store = store;
    this.rollout = rollout;
    this.executions = executions;
    this.runtime = runtime;
    this.runner = runner;
  }

  JsonObject save() {
    // Settle first, so what is saved is what a reader would see now.
    store.services.values().forEach(rollout::render);
    store.executions.values().forEach(executions::render);
    JsonObject state = new JsonObject();
    state.add("services", saveServices());
    JsonArray revisions = new JsonArray();
    store
        .revisions
        .values()
        .forEach(
            r -> {
              JsonObject entry = new JsonObject();
              entry.add("revision", trees.tree(r.revision));
              entry.add("template", trees.tree(r.template));
              revisions.add(entry);
            });
    state.add("revisions", revisions);
    state.add("jobs", saveJobs());
    state.add("executions", saveExecutions());
    state.add("operations", saveOperations());
    state.add("iam", store.iam.save(trees));
    return state;
  }

  void load(JsonObject state) {
    store.clear();
    for (JsonElement e : state.getAsJsonArray("revisions")) {
      Revision revision = trees.message(e.getAsJsonObject().get("revision"), Revision.newBuilder());
      RevisionTemplate template =
          trees.message(e.getAsJsonObject().get("template"), RevisionTemplate.newBuilder());
      store.revisions.put(
          revision.getName(), new StoredRevision(revision, template, runtime.start(revision)));
    }
    state.getAsJsonArray("services").forEach(e -> loadService(e.getAsJsonObject()));
    // Routes that were serving before the restart serve again (URLs may have moved).
    store.services.values().stream()
        .filter(s -> !s.trafficStatuses.isEmpty())
        .forEach(rollout::publishRoutes);
    state.getAsJsonArray("jobs").forEach(e -> loadJob(e.getAsJsonObject()));
    state.getAsJsonArray("executions").forEach(e -> loadExecution(e.getAsJsonObject()));
    state
        .getAsJsonObject("operations")
        .entrySet()
        .forEach(e -> loadOperation(e.getKey(), e.getValue().getAsJsonObject()));
    store.iam.load(state.getAsJsonObject("iam"), trees);
  }

  private JsonArray saveServices() {
    JsonArray services = new JsonArray();
    for (StoredService s : store.services.values()) {
      JsonObject entry = new JsonObject();
      entry.add("spec", trees.tree(s.spec));
      entry.addProperty("uid", s.uid);
      entry.addProperty("createTime", Timestamps.toString(s.createTime));
      entry.addProperty("updateTime", Timestamps.toString(s.updateTime));
      entry.addProperty("generation", s.generation);
      entry.addProperty("etag", s.etag);
      entry.addProperty("latestCreatedRevision", s.latestCreatedRevision);
      entry.addProperty("latestReadyRevision", s.latestReadyRevision);
      JsonArray statuses = new JsonArray();
      s.trafficStatuses.forEach(t -> statuses.add(trees.tree(t)));
      entry.add("trafficStatuses", statuses);
      entry.addProperty("observedGeneration", s.observedGeneration);
      entry.addProperty("rolloutPending", s.rolloutPending);
      if (s.terminalCondition != null) {
        entry.add("terminalCondition", trees.tree(s.terminalCondition));
      }
      JsonObject settled = new JsonObject();
      s.settledGenerations.forEach(
          (generation, failure) -> settled.addProperty(Long.toString(generation), failure));
      entry.add("settledGenerations", settled);
      services.add(entry);
    }
    return services;
  }

  private void loadService(JsonObject entry) {
    Service spec = trees.message(entry.get("spec"), Service.newBuilder());
    StoredService s =
        new StoredService(spec, entry.get("uid").getAsString(), timestamp(entry.get("createTime")));
    s.updateTime = timestamp(entry.get("updateTime"));
    s.generation = entry.get("generation").getAsLong();
    s.etag = entry.get("etag").getAsString();
    s.latestCreatedRevision = entry.get("latestCreatedRevision").getAsString();
    s.latestReadyRevision = entry.get("latestReadyRevision").getAsString();
    List<TrafficTargetStatus> statuses = new ArrayList<>();
    entry
        .getAsJsonArray("trafficStatuses")
        .forEach(t -> statuses.add(trees.message(t, TrafficTargetStatus.newBuilder())));
    s.trafficStatuses = List.copyOf(statuses);
    s.observedGeneration = entry.get("observedGeneration").getAsLong();
    s.rolloutPending = entry.get("rolloutPending").getAsBoolean();
    if (entry.has("terminalCondition")) {
      s.terminalCondition = trees.message(entry.get("terminalCondition"), Condition.newBuilder());
    }
    for (Map.Entry<String, JsonElement> settled :
        entry.getAsJsonObject("settledGenerations").entrySet()) {
      s.settledGenerations.put(
          Long.parseLong(settled.getKey()),
          settled.getValue().isJsonNull() ? null : settled.getValue().getAsString());
    }
    store.services.put(spec.getName(), s);
  }

  private JsonArray saveJobs() {
    JsonArray jobs = new JsonArray();
    for (StoredJob j : store.jobs.values()) {
      JsonObject entry = new JsonObject();
      entry.add("spec", trees.tree(j.spec));
      entry.addProperty("uid", j.uid);
      entry.addProperty("createTime", Timestamps.toString(j.createTime));
      entry.addProperty("updateTime", Timestamps.toString(j.updateTime));
      entry.addProperty("generation", j.generation);
      entry.addProperty("etag", j.etag);
      entry.addProperty("executionCount", j.executionCount);
      entry.addProperty("latestExecution", j.latestExecution);
      jobs.add(entry);
    }
    return jobs;
  }

  private void loadJob(JsonObject entry) {
    Job spec = trees.message(entry.get("spec"), Job.newBuilder());
    StoredJob j =
        new StoredJob(spec, entry.get("uid").getAsString(), timestamp(entry.get("createTime")));
    j.updateTime = timestamp(entry.get("updateTime"));
    j.generation = entry.get("generation").getAsLong();
    j.etag = entry.get("etag").getAsString();
    j.executionCount = entry.get("executionCount").getAsInt();
    j.latestExecution = entry.get("latestExecution").getAsString();
    store.jobs.put(spec.getName(), j);
  }

  private JsonArray saveExecutions() {
    JsonArray saved = new JsonArray();
    for (StoredExecution e : store.executions.values()) {
      JsonObject entry = new JsonObject();
      entry.add("execution", trees.tree(e.execution));
      if (e.finalProgress != null && e.completionTime != null) {
        ExecutionProgress p = e.finalProgress;
        JsonObject progress = new JsonObject();
        progress.addProperty("running", p.running());
        progress.addProperty("succeeded", p.succeeded());
        progress.addProperty("failed", p.failed());
        progress.addProperty("cancelled", p.cancelled());
        progress.addProperty("retried", p.retried());
        progress.addProperty("message", p.message());
        entry.add("finalProgress", progress);
        entry.addProperty("completionTime", Timestamps.toString(e.completionTime));
      }
      saved.add(entry);
    }
    return saved;
  }

  private void loadExecution(JsonObject entry) {
    Execution execution = trees.message(entry.get("execution"), Execution.newBuilder());
    String name = execution.getName();
    ExecutionRun run;
    if (entry.has("finalProgress")) {
      JsonObject p = entry.getAsJsonObject("finalProgress");
      ExecutionProgress progress =
          new ExecutionProgress(
              p.get("running").getAsInt(),
              p.get("succeeded").getAsInt(),
              p.get("failed").getAsInt(),
              p.get("cancelled").getAsInt(),
              p.get("retried").getAsInt(),
              true,
              p.get("message").getAsString());
      run = finished(progress);
    } else {
      run =
          runner.start(
              new ExecutionLaunch(
                  name,
                  name.substring(0, name.indexOf("/executions/")),
                  execution.getTaskCount(),
                  execution.getParallelism(),
                  execution.getTemplate(),
                  Instant.ofEpochSecond(
                      execution.getStartTime().getSeconds(), execution.getStartTime().getNanos())));
    }
    StoredExecution stored = new StoredExecution(execution, run);
    if (entry.has("completionTime")) {
      stored.completionTime = timestamp(entry.get("completionTime"));
      stored.finalProgress = run.progress();
    }
    store.executions.put(name, stored);
  }

  private JsonObject saveOperations() {
    JsonObject saved = new JsonObject();
    store.operations.operations.forEach(
        (name, op) -> {
          JsonObject entry = new JsonObject();
          if (op.work != null) {
            JsonObject work = new JsonObject();
            work.addProperty("kind", op.work.kind().name());
            work.addProperty("resource", op.work.resource());
            work.addProperty("generation", op.work.generation());
            work.addProperty("execution", op.work.execution());
            entry.add("work", work);
          }
          entry.add("lastMetadata", trees.tree(Any.pack(op.lastMetadata)));
          if (op.finished != null) {
            entry.add("finished", trees.tree(op.finished));
          }
          saved.add(name, entry);
        });
    return saved;
  }

  private void loadOperation(String name, JsonObject entry) {
    RunOperations.Work work = null;
    if (entry.has("work")) {
      JsonObject w = entry.getAsJsonObject("work");
      work =
          new RunOperations.Work(
              RunOperations.Kind.valueOf(w.get("kind").getAsString()),
              w.get("resource").getAsString(),
              w.get("generation").getAsLong(),
              w.get("execution").getAsString());
    }
    Message metadata = unpack(trees.message(entry.get("lastMetadata"), Any.newBuilder()));
    Operation finished =
        entry.has("finished") ? trees.message(entry.get("finished"), Operation.newBuilder()) : null;
    store.operations.operations.put(
        name, new RunOperations.StoredOperation(work, metadata, finished));
  }

  private static Message unpack(Any any) {
    try {
      for (Class<? extends Message> type :
          List.of(Service.class, Revision.class, Job.class, Execution.class)) {
        if (any.is(type)) {
          return any.unpack(type);
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Invalid saved operation metadata", e);
    }
    throw new IllegalStateException("Unknown saved operation metadata " + any.getTypeUrl());
  }

  private static ExecutionRun finished(ExecutionProgress progress) {
    return new ExecutionRun() {
      @Override
      public ExecutionProgress progress() {
        return progress;
      }

      @Override
      public void cancel() {}
    };
  }

  private static Timestamp timestamp(JsonElement value) {
    try {
      return Timestamps.parse(value.getAsString());
    } catch (ParseException e) {
      throw new IllegalStateException("Invalid saved timestamp " + value, e);
    }
  }
}
