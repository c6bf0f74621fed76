package dev.runwright.operator.gcp.secrets;

import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.FieldMask;
import dev.runwright.operator.gcp.CallKind;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.GoogleCalls;
import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.UnavailableException;
import dev.runwright.operator.gcp.gapic.GapicClientSettings;
import dev.runwright.operator.gcp.gapic.IamPolicyMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** {@link SecretsApi} on the Secret Manager v1 GAPIC client over REST. */
public final class SecretManagerAdapter implements SecretsApi, AutoCloseable {

  private final SecretManagerServiceClient client;
  private final GoogleCalls calls;

  SecretManagerAdapter(SecretManagerServiceClient client, GoogleCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /**
   * Creates the client: against {@code endpoint} without credentials when given, else against
   * Google with Application Default Credentials; each call is one attempt bounded by {@code
   * timeout}.
   */
  public static SecretManagerAdapter create(
      Optional<URI> endpoint, Duration timeout, GoogleCalls calls) {
    var settings = SecretManagerServiceSettings.newHttpJsonBuilder();
    settings.applyToAllUnaryMethods(GapicClientSettings.singleAttempt(timeout));
    try {
      return new SecretManagerAdapter(
          SecretManagerServiceClient.create(
              GapicClientSettings.connection(settings, endpoint).build()),
          calls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Secret Manager client", e);
    }
  }

  @Override
  public Optional<Secret> findSecret(SecretName name) {
    return calls
        .find(read("getSecret"), () -> client.getSecret(name.toString()))
        .map(SecretManagerMapper::fromSecret);
  }

  @Override
  public Secret createSecret(SecretName name, Map<String, String> labels) {
    var request =
        CreateSecretRequest.newBuilder()
            .setParent("projects/" + name.project())
            .setSecretId(name.secret())
            .setSecret(
                com.google.cloud.secretmanager.v1.Secret.newBuilder()
                    .putAllLabels(labels)
                    .setReplication(
                        Replication.newBuilder()
                            .setAutomatic(Replication.Automatic.getDefaultInstance())))
            .build();
    return SecretManagerMapper.fromSecret(
        calls.run(call("createSecret", CallKind.CREATE), () -> client.createSecret(request)));
  }

  @Override
  public Secret updateSecretMetadata(
      SecretName name,
      Map<String, String> annotations,
      Map<String, Long> versionAliases,
      String etag) {
    var request =
        UpdateSecretRequest.newBuilder()
            .setSecret(
                com.google.cloud.secretmanager.v1.Secret.newBuilder()
                    .setName(name.toString())
                    .putAllAnnotations(annotations)
                    .putAllVersionAliases(versionAliases)
                    .setEtag(etag))
            .setUpdateMask(
                FieldMask.newBuilder().addPaths("annotations").addPaths("version_aliases"))
            .build();
    return SecretManagerMapper.fromSecret(
        calls.run(call("updateSecret", CallKind.WRITE), () -> client.updateSecret(request)));
  }

  @Override
  public boolean deleteSecret(SecretName name) {
    return calls
        .find(
            call("deleteSecret", CallKind.WRITE),
            () -> {
              client.deleteSecret(name.toString());
              return true;
            })
        .isPresent();
  }

  @Override
  public SecretVersion addVersion(SecretName secret, SecretValue value) {
    var request =
        AddSecretVersionRequest.newBuilder()
            .setParent(secret.toString())
            .setPayload(SecretManagerMapper.payload(value))
            .build();
    return SecretManagerMapper.fromVersion(
        calls.run(
            call("addSecretVersion", CallKind.WRITE), () -> client.addSecretVersion(request)));
  }

  @Override
  public Optional<SecretVersion> findVersion(SecretVersionName name) {
    return calls
        .find(read("getSecretVersion"), () -> client.getSecretVersion(name.toString()))
        .map(SecretManagerMapper::fromVersion);
  }

  @Override
  public List<SecretVersion> listVersions(SecretName secret) {
    var request = ListSecretVersionsRequest.newBuilder().setParent(secret.toString()).build();
    return calls.run(
        read("listSecretVersions"),
        () ->
            StreamSupport.stream(
                    client.listSecretVersions(request).iterateAll().spliterator(), false)
                .map(SecretManagerMapper::fromVersion)
                .toList());
  }

  @Override
  public SecretValue accessVersion(SecretVersionName name) {
    GoogleCall call = read("accessSecretVersion");
    AccessSecretVersionResponse response =
        calls.run(call, () -> client.accessSecretVersion(name.toString()));
    return SecretManagerMapper.value(response)
        .orElseThrow(
            () ->
                new UnavailableException(
                    call, "the payload of " + name + " does not match its CRC32C checksum", null));
  }

  @Override
  public SecretVersion disableVersion(SecretVersionName name) {
    return SecretManagerMapper.fromVersion(
        calls.run(
            call("disableSecretVersion", CallKind.WRITE),
            () -> client.disableSecretVersion(name.toString())));
  }

  @Override
  public SecretVersion destroyVersion(SecretVersionName name) {
    return SecretManagerMapper.fromVersion(
        calls.run(
            call("destroySecretVersion", CallKind.WRITE),
            () -> client.destroySecretVersion(name.toString())));
  }

  @Override
  public IamPolicy getIamPolicy(SecretName name) {
    var request = GetIamPolicyRequest.newBuilder().setResource(name.toString()).build();
    return IamPolicyMapper.fromProto(
        calls.run(read("getIamPolicy"), () -> client.getIamPolicy(request)));
  }

  @Override
  public IamPolicy setIamPolicy(SecretName name, IamPolicy policy) {
    var request =
        SetIamPolicyRequest.newBuilder()
            .setResource(name.toString())
            .setPolicy(IamPolicyMapper.toProto(policy))
            .build();
    return IamPolicyMapper.fromProto(
        calls.run(call("setIamPolicy", CallKind.WRITE), () -> client.setIamPolicy(request)));
  }

  @Override
  public void close() {
    client.close();
  }

  private static GoogleCall read(String method) {
    return call(method, CallKind.READ);
  }

  private static GoogleCall call(String method, CallKind kind) {
    return GoogleCall.of(GoogleApi.SECRET_MANAGER, method, kind);
  }
}
