package dev.runwright.emulator.run;

import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Service;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.world.Pagination;
import java.util.List;
import java.util.Optional;

/** Cloud Run v2 services: create, get, list, update (PATCH), delete. */
final class ServiceHandler {
  private static final String LOCATION = "/v2/projects/{project}/locations/{location}";
  private static final String SERVICE = LOCATION + "/services/{service}";

  private final RunStore store;
  private final ServiceRollout rollout;
  private final ProtoJson json;

  ServiceHandler(RunStore store, ServiceRollout rollout, ProtoJson json) {
    this.store = store;
    this.rollout = rollout;
    this.json = json;
  }

  void register(Router router) {
    router.post(LOCATION + "/services", Api.RUN, "run.services.create", this::create);
    router.get(LOCATION + "/services", Api.RUN, "run.services.list", this::list);
    router.get(SERVICE, Api.RUN, "run.services.get", this::get);
    router.patch(SERVICE, Api.RUN, "run.services.update", this::update);
    router.delete(SERVICE, Api.RUN, "run.services.delete", this::delete);
  }

  private static String location(PathParams p) {
    return "projects/" + p.get("project") + "/locations/" + p.get("location");
  }

  private static String name(PathParams p) {
    return location(p) + "/services/" + p.get("service");
  }

  private ApiResponse create(ApiRequest request, PathParams p) {
    String serviceId = request.param("serviceId").orElse("");
    RevisionNames.checkResourceId("service_id", serviceId, 49);
    Service input = json.parse(request, Service.newBuilder()).build();
    String name = location(p) + "/services/" + serviceId;
    synchronized (store) {
      if (store.services.containsKey(name)) {
        throw ApiException.alreadyExists("Resource '" + serviceId + "' already exists.");
      }
      if (request.boolParam("validateOnly")) {
        StoredService preview = rollout.create(name, input, true);
        return json.ok(request, store.operations.done(location(p), rollout.render(preview)));
      }
      StoredService stored = rollout.create(name, input, false);
      return json.ok(
          request,
          store.operations.start(location(p), rolloutWork(stored), rollout.render(stored)));
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return json.ok(request, rollout.render(store.service(name(p))));
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      List<Service> all =
          store.services.entrySet().stream()
              .filter(e -> e.getKey().startsWith(location(p) + "/services/"))
              .map(e -> rollout.render(e.getValue()))
              .toList();
      Pagination<Service> page =
          Pagination.of(all, request.intParam("pageSize"), request.param("pageToken").orElse(null));
      return json.ok(
          request,
          ListServicesResponse.newBuilder()
              .addAllServices(page.items())
              .setNextPageToken(page.nextPageToken())
              .build());
    }
  }

  private ApiResponse update(ApiRequest request, PathParams p) {
    Service input = json.parse(request, Service.newBuilder()).build();
    String name = name(p);
    synchronized (store) {
      StoredService stored = store.services.get(name);
      if (stored == null) {
        if (!request.boolParam("allowMissing")) {
          throw ApiException.notFound("Resource '" + name + "' was not found");
        }
        StoredService created = rollout.create(name, input, false);
        return json.ok(
            request,
            store.operations.start(location(p), rolloutWork(created), rollout.render(created)));
      }
      RunStore.checkEtag(input.getEtag(), stored.etag, name);
      if (request.boolParam("validateOnly")) {
        return json.ok(request, store.operations.done(location(p), rollout.render(stored)));
      }
      rollout.update(stored, masked(request, stored.spec, input));
      return json.ok(
          request,
          store.operations.start(location(p), rolloutWork(stored), rollout.render(stored)));
    }
  }

  /**
   * With an {@code updateMask} only the named fields change (the rest is kept from the stored
   * service); without one the body is the whole new service. In the query the mask is in its JSON
   * form (camelCase, commas).
   */
  private static Service masked(ApiRequest request, Service current, Service input) {
    Optional<String> mask = request.param("updateMask");
    if (mask.isEmpty()) {
      return input;
    }
    FieldMask fields;
    try {
      fields = FieldMaskUtil.fromJsonString(mask.get());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument("update_mask", "Invalid update_mask: " + mask.get());
    }
    if (!FieldMaskUtil.isValid(Service.class, fields)) {
      throw ApiException.invalidArgument(
          "update_mask", "Unknown field in update_mask: " + mask.get());
    }
    Service.Builder merged = current.toBuilder().setEtag(input.getEtag());
    FieldMaskUtil.merge(
        fields,
        input,
        merged,
        new FieldMaskUtil.MergeOptions()
            .setReplaceRepeatedFields(true)
            .setReplaceMessageFields(true));
    return merged.build();
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String name = name(p);
    synchronized (store) {
      StoredService stored = store.service(name);
      RunStore.checkEtag(request.param("etag").orElse(""), stored.etag, name);
      Service last = rollout.render(stored);
      if (request.boolParam("validateOnly")) {
        return json.ok(request, store.operations.done(location(p), last));
      }
      store.services.remove(name);
      store.iam.remove(name);
      List.copyOf(store.revisions.keySet()).stream()
          .filter(r -> r.startsWith(name + "/revisions/"))
          .forEach(r -> store.revisions.remove(r).instance.stop());
      rollout.deleted(name);
      return json.ok(request, store.operations.done(location(p), last));
    }
  }

  private static RunOperations.Work rolloutWork(StoredService stored) {
    return new RunOperations.Work(
        RunOperations.Kind.SERVICE_ROLLOUT, stored.spec.getName(), stored.generation, "");
  }
}
