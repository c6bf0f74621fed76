package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.Revision;
import com.google.protobuf.Timestamp;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.run.runtime.RevisionInstance.Readiness;
import dev.runwright.emulator.world.Pagination;
import dev.runwright.emulator.world.Simulation;
import java.util.List;

/** Cloud Run v2 revisions of a service: get, list (newest first), delete (not while serving). */
final class RevisionHandler {
  private static final String REVISIONS =
      "/v2/projects/{project}/locations/{location}/services/{service}/revisions";

  private final RunStore store;
  private final ServiceRollout rollout;
  private final Simulation sim;
  private final ProtoJson json;

  RevisionHandler(RunStore store, ServiceRollout rollout, Simulation sim, ProtoJson json) {
    this.store = store;
    this.rollout = rollout;
    this.sim = sim;
    this.json = json;
  }

  void register(Router router) {
    router.get(REVISIONS, Api.RUN, "run.revisions.list", this::list);
    router.get(REVISIONS + "/{revision}", Api.RUN, "run.revisions.get", this::get);
    router.delete(REVISIONS + "/{revision}", Api.RUN, "run.revisions.delete", this::delete);
  }

  private static String service(PathParams p) {
    return "projects/"
        + p.get("project")
        + "/locations/"
        + p.get("location")
        + "/services/"
        + p.get("service");
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return json.ok(
          request, render(store.revision(service(p) + "/revisions/" + p.get("revision"))));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      store.service(service(p));
      List<Revision> all =
          RunStore.childrenNewestFirst(store.revisions, service(p) + "/revisions").stream()
              .map(this::render)
              .toList();
      Pagination<Revision> page =
          Pagination.of(all, request.intParam("pageSize"), request.param("pageToken").orElse(null));
      return json.ok(
          request,
          ListRevisionsResponse.newBuilder()
              .addAllRevisions(page.items())
              .setNextPageToken(page.nextPageToken())
              .build());
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String name = service(p) + "/revisions/" + p.get("revision");
    synchronized (store) {
      StoredRevision revision = store.revision(name);
      RunStore.checkEtag(request.param("etag").orElse(""), revision.revision.getEtag(), name);
      StoredService owner = store.service(service(p));
      rollout.settle(owner);
      boolean serving =
          ServiceRollout.servingRevisions(owner).contains(p.get("revision"))
              || owner.trafficStatuses.stream()
                  .anyMatch(t -> t.getRevision().equals(p.get("revision")))
              || owner.latestCreatedRevision.equals(name);
      if (serving) {
        throw ApiException.failedPrecondition(
            "Revision '"
                + p.get("revision")
                + "' is the latest revision or receives traffic and cannot be"
                + " deleted.");
      }
      Revision last = render(revision);
      if (!request.boolParam("validateOnly")) {
        store.revisions.remove(name);
        revision.instance.stop();
      }
      return json.ok(
          request, store.operations.done(ResourceNames.parse(name).locationName(), last));
    }
  }

  Revision render(StoredRevision stored) {
    Readiness readiness = stored.instance.readiness();
    Timestamp at = stored.revision.getCreateTime();
    Timestamp now = sim.nowTimestamp();
    Condition ready =
        switch (readiness.state()) {
          case READY -> Conditions.succeeded("Ready", now);
          case PENDING -> Conditions.reconciling("Ready", at);
          case FAILED -> Conditions.failed("Ready", readiness.message(), now);
        };
    return stored.revision.toBuilder()
        .setReconciling(readiness.state() == Readiness.State.PENDING)
        .setObservedGeneration(1)
        .addConditions(ready)
        .addConditions(ready.toBuilder().setType("ContainerHealthy"))
        .addConditions(Conditions.succeeded("ResourcesAvailable", at))
        .build();
  }
}
