package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.gson.JsonObject;
import com.google.protobuf.TypeRegistry;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.run.runtime.ExecutionRunner;
import dev.runwright.emulator.run.runtime.RevisionRuntime;
import dev.runwright.emulator.run.runtime.ServiceRouter;
import dev.runwright.emulator.world.Simulation;
import dev.runwright.emulator.world.StateDirectory;
import java.util.List;

/** The emulated Cloud Run Admin API v2: one store, one handler per resource family. */
public final class CloudRunAdmin implements StateDirectory.Persistent {
  /** The types that operations pack into {@code metadata} and {@code response}. */
  public static final TypeRegistry TYPES =
      TypeRegistry.newBuilder()
          .add(Service.getDescriptor())
          .add(Revision.getDescriptor())
          .add(Job.getDescriptor())
          .add(Execution.getDescriptor())
          .build();

  private final RunStore store = new RunStore();
  private final TrafficHistory trafficHistory = new TrafficHistory();
  private final RunSnapshot snapshot;
  private final ServiceRollout rollout;

  public CloudRunAdmin(
      Simulation sim,
      RevisionRuntime revisions,
      ExecutionRunner executions,
      ServiceRouter serviceRouter,
      Router router) {
    ProtoJson json = new ProtoJson(TYPES);
    ServiceRollout rollout =
        new ServiceRollout(store, sim, revisions, serviceRouter, trafficHistory);
    this.rollout = rollout;
    new ServiceHandler(store, rollout, json).register(router);
    RunIamHandler iam = new RunIamHandler(store, json);
    String location = "/v2/projects/{project}/locations/{location}";
    iam.register(
        router,
        location + "/services/{service}",
        "services",
        p -> locationOf(p) + "/services/" + p.get("service"),
        store::service);
    iam.register(
        router,
        location + "/jobs/{job}",
        "jobs",
        p -> locationOf(p) + "/jobs/" + p.get("job"),
        store::job);
    new RevisionHandler(store, rollout, sim, json).register(router);
    new RunOperationHandler(store, json).register(router);
    JobExecutions jobExecutions = new JobExecutions(store, sim, executions);
    JobHandler jobs = new JobHandler(store, jobExecutions, sim, json);
    jobs.register(router);
    new ExecutionHandler(store, jobExecutions, json).register(router);
    store.operations.bind(new OperationProgress(store, rollout, jobExecutions)::of);
    this.snapshot = new RunSnapshot(store, rollout, jobExecutions, revisions, executions);
  }

  private static String locationOf(dev.runwright.emulator.http.PathParams p) {
    return "projects/" + p.get("project") + "/locations/" + p.get("location");
  }

  @Override
  public String key() {
    return "run";
  }

  @Override
  public JsonObject save() {
    synchronized (store) {
      return snapshot.save();
    }
  }

  @Override
  public void load(JsonObject state) {
    synchronized (store) {
      snapshot.load(state);
    }
  }

  /** Every change of the services' serving routes since the start or the last {@link #clear}. */
  public TrafficHistory trafficHistory() {
    return trafficHistory;
  }

  /**
   * Forgets every service, revision, job, execution and operation, and the traffic history (last,
   * so the deletions it sees here are forgotten too).
   */
  public void clear() {
    synchronized (store) {
      List.copyOf(store.services.keySet()).forEach(rollout::deleted);
      store.clear();
      trafficHistory.clear();
    }
  }
}
