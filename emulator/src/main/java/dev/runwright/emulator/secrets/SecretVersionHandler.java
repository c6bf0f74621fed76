package dev.runwright.emulator.secrets;

import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.EnableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsResponse;
import com.google.cloud.secretmanager.v1.ReplicationStatus;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.ByteString;
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
import java.util.zip.CRC32C;

/**
 * Secret Manager v1 secret versions: add, get, list, access (by number or {@code latest}), enable,
 * disable, destroy.
 */
public final class SecretVersionHandler {
  private static final String VERSION =
      "/v1/projects/{project}/secrets/{secret}/versions/{version}";
  private static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private final SecretStore store;
  private final SecretHandler secrets;
  private final Simulation sim;
  private final ProtoJson json;
  private final SecretEtags etags;

  public SecretVersionHandler(
      SecretStore store, SecretHandler secrets, Simulation sim, ProtoJson json, SecretEtags etags) {
    this.store = store;
    this.secrets = secrets;
    this.sim = sim;
    this.json = json;
    this.etags = etags;
  }

  public void register(Router router) {
    router.post(
        "/v1/projects/{project}/secrets/{secret}:addVersion",
        Api.SECRETS,
        "secretmanager.secrets.addVersion",
        this::add);
    router.get(
        "/v1/projects/{project}/secrets/{secret}/versions",
        Api.SECRETS,
        "secretmanager.versions.list",
        this::list);
    router.get(VERSION, Api.SECRETS, "secretmanager.versions.get", this::get);
    router.get(VERSION + ":access", Api.SECRETS, "secretmanager.versions.access", this::access);
    router.post(VERSION + ":disable", Api.SECRETS, "secretmanager.versions.disable", this::disable);
    router.post(VERSION + ":enable", Api.SECRETS, "secretmanager.versions.enable", this::enable);
    router.post(VERSION + ":destroy", Api.SECRETS, "secretmanager.versions.destroy", this::destroy);
  }

  private ApiResponse add(ApiRequest request, PathParams p) {
    AddSecretVersionRequest body =
        json.parse(request, AddSecretVersionRequest.newBuilder()).build();
    if (!body.hasPayload()) {
      throw ApiException.invalidArgument("payload", "SecretVersion.payload is required.");
    }
    SecretPayload payload = body.getPayload();
    if (payload.getData().size() > MAX_PAYLOAD_BYTES) {
      throw ApiException.invalidArgument("payload.data", "Secret payload exceeds 65536 bytes.");
    }
    long crc = crc32c(payload.getData());
    if (payload.hasDataCrc32C() && payload.getDataCrc32C() != crc) {
      throw ApiException.invalidArgument(
          "payload.data_crc32c",
          "Checksum mismatch: the payload's data_crc32c does not match its data.");
    }
    synchronized (store) {
      SecretStore.StoredSecret stored = store.require(secrets.secretName(p));
      int number = stored.versions.size() + 1;
      SecretVersion version =
          SecretVersion.newBuilder()
              .setName(stored.secret.getName() + "/versions/" + number)
              .setCreateTime(sim.nowTimestamp())
              .setState(SecretVersion.State.ENABLED)
              .setReplicationStatus(
                  ReplicationStatus.newBuilder()
                      .setAutomatic(ReplicationStatus.AutomaticStatus.getDefaultInstance()))
              .setEtag(etags.next())
              .setClientSpecifiedPayloadChecksum(payload.hasDataCrc32C())
              .build();
      stored.versions.add(new SecretStore.StoredVersion(version, payload.getData(), crc));
      return json.ok(request, version);
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    List<SecretVersion> newestFirst;
    synchronized (store) {
      newestFirst =
          store.require(secrets.secretName(p)).versions.reversed().stream()
              .map(v -> v.version)
              .toList();
    }
    Pagination<SecretVersion> page =
        Pagination.of(
            newestFirst, request.intParam("pageSize"), request.param("pageToken").orElse(null));
    return json.ok(
        request,
        ListSecretVersionsResponse.newBuilder()
            .addAllVersions(page.items())
            .setNextPageToken(page.nextPageToken())
            .setTotalSize(newestFirst.size())
            .build());
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return json.ok(request, resolve(p).version);
    }
  }

  private ApiResponse access(ApiRequest request, PathParams p) {
    synchronized (store) {
      SecretStore.StoredVersion stored = resolve(p);
      if (stored.version.getState() != SecretVersion.State.ENABLED) {
        throw ApiException.failedPrecondition(
            "Secret Version ["
                + stored.version.getName()
                + "] is in "
                + stored.version.getState()
                + " state.");
      }
      return json.ok(
          request,
          AccessSecretVersionResponse.newBuilder()
              .setName(stored.version.getName())
              .setPayload(
                  SecretPayload.newBuilder().setData(stored.data).setDataCrc32C(stored.crc32c))
              .build());
    }
  }

  private ApiResponse disable(ApiRequest request, PathParams p) {
    String etag = json.parse(request, DisableSecretVersionRequest.newBuilder()).getEtag();
    return changeState(request, p, etag, SecretVersion.State.DISABLED);
  }

  private ApiResponse enable(ApiRequest request, PathParams p) {
    String etag = json.parse(request, EnableSecretVersionRequest.newBuilder()).getEtag();
    return changeState(request, p, etag, SecretVersion.State.ENABLED);
  }

  private ApiResponse destroy(ApiRequest request, PathParams p) {
    String etag = json.parse(request, DestroySecretVersionRequest.newBuilder()).getEtag();
    return changeState(request, p, etag, SecretVersion.State.DESTROYED);
  }

  private ApiResponse changeState(
      ApiRequest request, PathParams p, String etag, SecretVersion.State target) {
    synchronized (store) {
      SecretStore.StoredVersion stored = resolve(p);
      SecretHandler.checkEtag(etag, stored.version.getEtag());
      if (stored.version.getState() == SecretVersion.State.DESTROYED) {
        throw ApiException.failedPrecondition(
            "Secret Version [" + stored.version.getName() + "] is in DESTROYED state.");
      }
      SecretVersion.Builder updated =
          stored.version.toBuilder().setState(target).setEtag(etags.next());
      if (target == SecretVersion.State.DESTROYED) {
        updated.setDestroyTime(sim.nowTimestamp());
        stored.data = ByteString.EMPTY;
        stored.crc32c = 0;
      }
      stored.version = updated.build();
      return json.ok(request, stored.version);
    }
  }

  /**
   * The version named in the path; {@code latest} is the most recently created one, whatever its
   * state.
   */
  private SecretStore.StoredVersion resolve(PathParams p) {
    String secretName = secrets.secretName(p);
    SecretStore.StoredSecret stored = store.require(secretName);
    String id = p.get("version");
    int number;
    if (id.equals("latest")) {
      number = stored.versions.size();
    } else {
      try {
        number = Integer.parseInt(id);
      } catch (NumberFormatException e) {
        throw ApiException.invalidArgument("name", "Invalid secret version id: " + id);
      }
    }
    if (number < 1 || number > stored.versions.size()) {
      throw ApiException.notFound(
          "Secret Version [" + secretName + "/versions/" + id + "] not found.");
    }
    return stored.versions.get(number - 1);
  }

  static long crc32c(ByteString data) {
    CRC32C crc = new CRC32C();
    crc.update(data.asReadOnlyByteBuffer());
    return crc.getValue();
  }
}
