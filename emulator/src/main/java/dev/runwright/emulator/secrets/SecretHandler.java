package dev.runwright.emulator.secrets;

import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.CallKind;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.http.ProtoJson;
import dev.runwright.emulator.http.Router;
import dev.runwright.emulator.iam.IamPolicies;
import dev.runwright.emulator.world.Pagination;
import dev.runwright.emulator.world.Simulation;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Secret Manager v1 secrets: create, get, list, patch, delete, and IAM on a secret. */
public final class SecretHandler {
  private static final String SECRET = "/v1/projects/{project}/secrets/{secret}";
  private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Set<String> UPDATABLE =
      Set.of(
          "labels",
          "annotations",
          "topics",
          "expire_time",
          "ttl",
          "rotation",
          "version_aliases",
          "version_destroy_ttl");

  private final SecretStore store;
  private final IamPolicies iam;
  private final Simulation sim;
  private final ProtoJson json;
  private final SecretEtags etags;

  public SecretHandler(
      SecretStore store, IamPolicies iam, Simulation sim, ProtoJson json, SecretEtags etags) {
    this.store = store;
    this.iam = iam;
    this.sim = sim;
    this.json = json;
    this.etags = etags;
  }

  public void register(Router router) {
    router.post(
        "/v1/projects/{project}/secrets",
        Api.SECRETS,
        "secretmanager.secrets.create",
        this::create);
    router.get(
        "/v1/projects/{project}/secrets", Api.SECRETS, "secretmanager.secrets.list", this::list);
    router.get(SECRET, Api.SECRETS, "secretmanager.secrets.get", this::get);
    router.patch(SECRET, Api.SECRETS, "secretmanager.secrets.patch", this::patch);
    router.delete(SECRET, Api.SECRETS, "secretmanager.secrets.delete", this::delete);
    router.get(
        SECRET + ":getIamPolicy", Api.SECRETS, "secretmanager.secrets.getIamPolicy", this::getIam);
    router.add(
        "POST",
        SECRET + ":getIamPolicy",
        Api.SECRETS,
        "secretmanager.secrets.getIamPolicy",
        CallKind.READ,
        this::getIam);
    router.post(
        SECRET + ":setIamPolicy", Api.SECRETS, "secretmanager.secrets.setIamPolicy", this::setIam);
    router.add(
        "POST",
        SECRET + ":testIamPermissions",
        Api.SECRETS,
        "secretmanager.secrets.testIamPermissions",
        CallKind.READ,
        this::testIam);
  }

  String secretName(PathParams p) {
    return "projects/" + sim.projects().number(p.get("project")) + "/secrets/" + p.get("secret");
  }

  private ApiResponse create(ApiRequest request, PathParams p) {
    String secretId = request.param("secretId").orElse("");
    if (!SECRET_ID.matcher(secretId).matches()) {
      throw ApiException.invalidArgument(
          "secret_id", "The secret ID must match [a-zA-Z0-9_-]{1,255}: '" + secretId + "'.");
    }
    Secret input = json.parse(request, Secret.newBuilder()).build();
    if (!input.hasReplication()) {
      throw ApiException.invalidArgument("secret.replication", "Secret.replication is required.");
    }
    String name = "projects/" + sim.projects().number(p.get("project")) + "/secrets/" + secretId;
    synchronized (store) {
      if (store.find(name).isPresent()) {
        throw ApiException.alreadyExists("Secret [" + name + "] already exists.");
      }
      Secret secret =
          input.toBuilder()
              .setName(name)
              .setCreateTime(sim.nowTimestamp())
              .setEtag(etags.next())
              .build();
      store.put(secret);
      return json.ok(request, secret);
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    return json.ok(request, store.require(secretName(p)).secret);
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    String prefix = "projects/" + sim.projects().number(p.get("project")) + "/secrets/";
    List<Secret> all = store.list(prefix);
    Pagination<Secret> page =
        Pagination.of(all, request.intParam("pageSize"), request.param("pageToken").orElse(null));
    return json.ok(
        request,
        ListSecretsResponse.newBuilder()
            .addAllSecrets(page.items())
            .setNextPageToken(page.nextPageToken())
            .setTotalSize(all.size())
            .build());
  }

  private ApiResponse patch(ApiRequest request, PathParams p) {
    // In a query string a FieldMask travels in its JSON form: camelCase paths, comma-separated.
    FieldMask mask =
        FieldMaskUtil.fromJsonString(
            request
                .param("updateMask")
                .orElseThrow(
                    () -> ApiException.invalidArgument("update_mask", "update_mask is required.")));
    for (String path : mask.getPathsList()) {
      if (!UPDATABLE.contains(path)) {
        throw ApiException.invalidArgument(
            "update_mask", "Field '" + path + "' cannot be updated.");
      }
    }
    Secret patch = json.parse(request, Secret.newBuilder()).build();
    synchronized (store) {
      SecretStore.StoredSecret stored = store.require(secretName(p));
      checkEtag(patch.getEtag(), stored.secret.getEtag());
      Secret.Builder updated = stored.secret.toBuilder();
      FieldMaskUtil.merge(
          mask,
          patch,
          updated,
          new FieldMaskUtil.MergeOptions()
              .setReplaceRepeatedFields(true)
              .setReplaceMessageFields(true));
      stored.secret = updated.setEtag(etags.next()).build();
      return json.ok(request, stored.secret);
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String name = secretName(p);
    synchronized (store) {
      SecretStore.StoredSecret stored = store.require(name);
      checkEtag(request.param("etag").orElse(""), stored.secret.getEtag());
      store.remove(name);
      iam.remove(name);
    }
    return ApiResponse.ok("{}");
  }

  private ApiResponse getIam(ApiRequest request, PathParams p) {
    String name = secretName(p);
    store.require(name);
    return json.ok(request, iam.get(name));
  }

  private ApiResponse setIam(ApiRequest request, PathParams p) {
    String name = secretName(p);
    store.require(name);
    SetIamPolicyRequest body = json.parse(request, SetIamPolicyRequest.newBuilder()).build();
    return json.ok(request, iam.set(name, body.getPolicy()));
  }

  private ApiResponse testIam(ApiRequest request, PathParams p) {
    store.require(secretName(p));
    TestIamPermissionsRequest body =
        json.parse(request, TestIamPermissionsRequest.newBuilder()).build();
    // The emulator has no principals: every caller holds every permission it asks about.
    return json.ok(
        request,
        TestIamPermissionsResponse.newBuilder()
            .addAllPermissions(body.getPermissionsList())
            .build());
  }

  static void checkEtag(String given, String current) {
    if (!given.isEmpty() && !given.equals(current)) {
      throw ApiException.aborted("The etag provided does not match the current etag: " + given);
    }
  }
}
