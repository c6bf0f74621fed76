package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.ResourceExhaustedException;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.TypeRegistry;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secret Manager v1 driven by the real SecretManagerServiceClient over REST. */
class SecretManagerIT {
  private static final String PROJECT = "demo-project";
  private static final long PROJECT_NUMBER = 123456789012L;
  private static Emulator emulator;
  private static SecretManagerServiceClient client;

  @BeforeAll
  static void start() throws IOException {
    emulator = Emulator.start(EmulatorConfig.defaults().withProjectNumber(PROJECT, PROJECT_NUMBER));
    client =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newHttpJsonBuilder()
                .setEndpoint(emulator.endpoint())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.control().reset();
  }

  @Test
  void secretLifecycleUsesProjectNumberAndVerifiedChecksums() {
    Secret secret =
        client.createSecret(
            ProjectName.of(PROJECT),
            "db-password",
            Secret.newBuilder()
                .setReplication(
                    Replication.newBuilder()
                        .setAutomatic(Replication.Automatic.getDefaultInstance()))
                .putLabels("app", "jwt")
                .build());
    assertThat(secret.getName()).isEqualTo("projects/" + PROJECT_NUMBER + "/secrets/db-password");
    assertThat(secret.getLabelsMap()).containsEntry("app", "jwt");

    byte[] data = "s3cret".getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(data);
    SecretVersion v1 =
        client.addSecretVersion(
            SecretName.of(PROJECT, "db-password"),
            SecretPayload.newBuilder()
                .setData(ByteString.copyFrom(data))
                .setDataCrc32C(crc.getValue())
                .build());
    assertThat(v1.getName()).endsWith("/versions/1");
    assertThat(v1.getState()).isEqualTo(SecretVersion.State.ENABLED);
    client.addSecretVersion(
        SecretName.of(PROJECT, "db-password"),
        SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("second")).build());

    AccessSecretVersionResponse latest =
        client.accessSecretVersion(SecretVersionName.of(PROJECT, "db-password", "latest"));
    assertThat(latest.getName()).isEqualTo(secret.getName() + "/versions/2");
    assertThat(latest.getPayload().getData().toStringUtf8()).isEqualTo("second");
    AccessSecretVersionResponse first =
        client.accessSecretVersion(SecretVersionName.of(PROJECT, "db-password", "1"));
    assertThat(first.getPayload().getData().toStringUtf8()).isEqualTo("s3cret");
    assertThat(first.getPayload().getDataCrc32C()).isEqualTo(crc.getValue());

    assertThat(client.listSecretVersions(SecretName.of(PROJECT, "db-password")).iterateAll())
        .extracting(SecretVersion::getName)
        .containsExactly(secret.getName() + "/versions/2", secret.getName() + "/versions/1");
    assertThat(client.listSecrets(ProjectName.of(PROJECT)).iterateAll()).hasSize(1);

    client.disableSecretVersion(SecretVersionName.of(PROJECT, "db-password", "1"));
    // FAILED_PRECONDITION travels as HTTP 400, and the REST client maps by HTTP status alone.
    assertThatThrownBy(
            () -> client.accessSecretVersion(SecretVersionName.of(PROJECT, "db-password", "1")))
        .isInstanceOf(InvalidArgumentException.class);
    client.enableSecretVersion(SecretVersionName.of(PROJECT, "db-password", "1"));
    SecretVersion destroyed =
        client.destroySecretVersion(SecretVersionName.of(PROJECT, "db-password", "1"));
    assertThat(destroyed.getState()).isEqualTo(SecretVersion.State.DESTROYED);
    assertThat(destroyed.hasDestroyTime()).isTrue();

    Secret updated =
        client.updateSecret(
            secret.toBuilder().putLabels("tier", "prod").build(),
            FieldMask.newBuilder().addPaths("labels").build());
    assertThat(updated.getLabelsMap()).containsEntry("tier", "prod");
    assertThat(updated.getEtag()).isNotEqualTo(secret.getEtag());

    client.deleteSecret(SecretName.of(PROJECT, "db-password"));
    assertThatThrownBy(() -> client.getSecret(SecretName.of(PROJECT, "db-password")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateMaskPathsArriveInJsonForm() {
    Secret secret = createSecret("masked");
    client.addSecretVersion(
        SecretName.of(PROJECT, "masked"),
        SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v")).build());
    Secret updated =
        client.updateSecret(
            secret.toBuilder()
                .putAnnotations("runwright.dev/owner", "db")
                .putVersionAliases("current", 1)
                .putLabels("ignored", "not-in-mask")
                .build(),
            FieldMask.newBuilder().addPaths("annotations").addPaths("version_aliases").build());
    assertThat(updated.getAnnotationsMap()).containsEntry("runwright.dev/owner", "db");
    assertThat(updated.getVersionAliasesMap()).containsEntry("current", 1L);
    assertThat(updated.getLabelsMap()).doesNotContainKey("ignored");
    assertThatThrownBy(
            () ->
                client.updateSecret(
                    secret.toBuilder().build(),
                    FieldMask.newBuilder().addPaths("replication").build()))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void numberAndIdNameTheSameProject() {
    createSecret("by-id");
    assertThat(client.getSecret(SecretName.of(Long.toString(PROJECT_NUMBER), "by-id")).getName())
        .isEqualTo("projects/" + PROJECT_NUMBER + "/secrets/by-id");
  }

  @Test
  void errorsSurfaceAsTheRightExceptions() {
    createSecret("dup");
    assertThatThrownBy(() -> createSecret("dup")).isInstanceOf(AbortedException.class);
    assertThatThrownBy(
            () ->
                client.addSecretVersion(
                    SecretName.of(PROJECT, "dup"),
                    SecretPayload.newBuilder()
                        .setData(ByteString.copyFromUtf8("x"))
                        .setDataCrc32C(42)
                        .build()))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(
            () -> client.accessSecretVersion(SecretVersionName.of(PROJECT, "dup", "latest")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                client.createSecret(
                    ProjectName.of(PROJECT), "no-replication", Secret.getDefaultInstance()))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(
            () ->
                client.deleteSecret(
                    com.google.cloud.secretmanager.v1.DeleteSecretRequest.newBuilder()
                        .setName(SecretName.of(PROJECT, "dup").toString())
                        .setEtag("\"stale\"")
                        .build()))
        .isInstanceOf(AbortedException.class);
  }

  @Test
  void iamPolicyRoundTripWithEtagCheck() {
    String resource = createSecret("iam").getName();
    GetIamPolicyRequest get = GetIamPolicyRequest.newBuilder().setResource(resource).build();
    Policy initial = client.getIamPolicy(get);
    Policy withAccessor =
        initial.toBuilder()
            .addBindings(
                Binding.newBuilder()
                    .setRole("roles/secretmanager.secretAccessor")
                    .addMembers("serviceAccount:app@demo-project.iam.gserviceaccount.com"))
            .build();
    Policy set =
        client.setIamPolicy(
            SetIamPolicyRequest.newBuilder().setResource(resource).setPolicy(withAccessor).build());
    assertThat(client.getIamPolicy(get).getBindingsList()).isEqualTo(set.getBindingsList());
    assertThatThrownBy(
            () ->
                client.setIamPolicy(
                    SetIamPolicyRequest.newBuilder()
                        .setResource(resource)
                        .setPolicy(initial)
                        .build()))
        .isInstanceOf(AbortedException.class);
  }

  @Test
  void injectedRateLimitIsCountedAndRetriedByTheClientForAccess() {
    createSecret("quota");
    client.addSecretVersion(
        SecretName.of(PROJECT, "quota"),
        SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v")).build());
    emulator.control().counters().reset();
    emulator.control().faults().add(Fault.rateLimited("secretmanager.secrets.get", 1, 1));
    assertThatThrownBy(() -> client.getSecret(SecretName.of(PROJECT, "quota")))
        .isInstanceOf(ResourceExhaustedException.class);
    assertThat(client.getSecret(SecretName.of(PROJECT, "quota")).getName()).endsWith("/quota");

    // The client's default retry settings retry access on RESOURCE_EXHAUSTED and UNAVAILABLE.
    emulator.control().faults().add(Fault.status("secretmanager.versions.access", 503, 1));
    assertThat(
            client
                .accessSecretVersion(SecretVersionName.of(PROJECT, "quota", "latest"))
                .getPayload()
                .getData()
                .toStringUtf8())
        .isEqualTo("v");
    assertThat(emulator.control().counters().count("secretmanager.versions.access")).isEqualTo(2);
    assertThat(emulator.control().counters().reads(Api.SECRETS)).isEqualTo(4);
    assertThat(emulator.control().counters().writes(Api.SECRETS)).isZero();
  }

  @Test
  void payloadsParseStrictly() {
    String name = createSecret("strict").getName();
    client.addSecretVersion(
        SecretName.of(PROJECT, "strict"),
        SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v")).build());
    RawHttp http = new RawHttp(emulator.endpoint());
    TypeRegistry none = TypeRegistry.getEmptyTypeRegistry();
    assertThat(http.getStrict("/v1/" + name, Secret.newBuilder(), none).getName()).isEqualTo(name);
    assertThat(
            http.getStrict("/v1/" + name + "/versions/1", SecretVersion.newBuilder(), none)
                .getState())
        .isEqualTo(SecretVersion.State.ENABLED);
    assertThat(
            http.getStrict(
                    "/v1/" + name + "/versions/latest:access",
                    AccessSecretVersionResponse.newBuilder(),
                    none)
                .getPayload()
                .getData()
                .toStringUtf8())
        .isEqualTo("v");
    var missing = http.get("/v1/projects/demo-project/secrets/missing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"status\": \"NOT_FOUND\"").contains("\"code\": 404");
    var badChecksum =
        http.send(
            "POST",
            "/v1/" + name + ":addVersion",
            "{\"payload\":{\"data\":\"eA==\",\"dataCrc32c\":\"42\"}}");
    assertThat(badChecksum.statusCode()).isEqualTo(400);
    assertThat(badChecksum.body())
        .contains("INVALID_ARGUMENT")
        .contains("Checksum mismatch")
        .contains("type.googleapis.com/google.rpc.BadRequest");
  }

  private static Secret createSecret(String id) {
    return client.createSecret(
        ProjectName.of(PROJECT),
        id,
        Secret.newBuilder()
            .setReplication(
                Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()))
            .build());
  }
}
