package dev.runwright.emulator.run;

import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallKind;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import java.util.function.Consumer;
import java.util.function.Function;

/** IAM policies on Cloud Run services and jobs: get, set (etag-checked) and test permissions. */
final class RunIamHandler {
  private final RunStore store;
  private final ProtoJson json;

  RunIamHandler(RunStore store, ProtoJson json) {
    this.store = store;
    this.json = json;
  }

  /**
   * Registers the three IAM methods on {@code path} (e.g. {@code .../services/{service}}), counted
   * as {@code run.KIND.getIamPolicy} etc.; {@code require} throws NOT_FOUND for a missing resource.
   */
  void register(
      Router router,
      String path,
      String kind,
      Function<PathParams, String> nameOf,
      Consumer<String> require) {
    router.get(
        path + ":getIamPolicy",
        Api.RUN,
        "run." + kind + ".getIamPolicy",
        (request, p) -> get(request, nameOf.apply(p), require));
    router.post(
        path + ":setIamPolicy",
        Api.RUN,
        "run." + kind + ".setIamPolicy",
        (request, p) -> set(request, nameOf.apply(p), require));
    router.add(
        "POST",
        path + ":testIamPermissions",
        Api.RUN,
        "run." + kind + ".testIamPermissions",
        CallKind.READ,
        (request, p) -> test(request, nameOf.apply(p), require));
  }

  private ApiResponse get(ApiRequest request, String name, Consumer<String> require) {
    synchronized (store) {
      require.accept(name);
      return json.ok(request, store.iam.get(name));
    }
  }

  private ApiResponse set(ApiRequest request, String name, Consumer<String> require) {
    SetIamPolicyRequest body = json.parse(request, SetIamPolicyRequest.newBuilder()).build();
    synchronized (store) {
      require.accept(name);
      return json.ok(request, store.iam.set(name, body.getPolicy()));
    }
  }

  private ApiResponse test(ApiRequest request, String name, Consumer<String> require) {
    TestIamPermissionsRequest body =
        json.parse(request, TestIamPermissionsRequest.newBuilder()).build();
    synchronized (store) {
      require.accept(name);
    }
    // No principals in the emulator: the caller holds every permission it asks about.
    return json.ok(
        request,
        TestIamPermissionsResponse.newBuilder()
            .addAllPermissions(body.getPermissionsList())
            .build());
  }
}
