package dev.runwright.operator.gcp.secrets;

import static dev.runwright.operator.gcp.WireResponses.bodyOf;
import static dev.runwright.operator.gcp.WireResponses.error;
import static dev.runwright.operator.gcp.WireResponses.ok;
import static dev.runwright.operator.gcp.WireResponses.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.gcp.AlreadyExistsException;
import dev.runwright.operator.gcp.CallOutcome;
import dev.runwright.operator.gcp.ConflictException;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.RateLimitedException;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.TestCalls;
import dev.runwright.operator.gcp.UnavailableException;
import dev.runwright.operator.gcp.WireResponses;
import dev.runwright.operator.gcp.gapic.GapicErrorTranslator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Secret Manager adapter sends and how it reads Google's answers, on the wire. */
class SecretManagerAdapterTest {

  private static final SecretName SECRET = new SecretName("proj-1", "auth-db-password");
  private static final String PASSWORD = "correct horse battery staple";

  private MockWebServer server;
  private TestCalls testCalls;
  private SecretManagerAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    server = WireResponses.startLoopback();
    testCalls = new TestCalls(new GapicErrorTranslator(Clock.systemUTC()));
    adapter =
        SecretManagerAdapter.create(
            Optional.of(URI.create(WireResponses.baseUrl(server))),
            Duration.ofSeconds(2),
            testCalls.calls);
  }

  @AfterEach
  void stop() {
    adapter.close();
    server.close();
  }

  @Test
  void createsASecretWithAutomaticReplication() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/123456789/secrets/auth-db-password","replication":{"automatic":{}},
             "labels":{"managed-by":"runwright"},"createTime":"2026-01-02T03:04:05Z","etag":"\\"e1\\""}"""));

    Secret secret = adapter.createSecret(SECRET, Map.of("managed-by", "runwright"));

    // Google answers with the project number, not the id the operator used.
    assertThat(secret.name()).isEqualTo(new SecretName("123456789", "auth-db-password"));
    assertThat(secret.labels()).containsEntry("managed-by", "runwright");
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/projects/proj-1/secrets");
    assertThat(request.getUrl().queryParameter("secretId")).isEqualTo("auth-db-password");
    assertThat(bodyOf(request)).contains("\"replication\":{\"automatic\":{}}");
  }

  @Test
  void aConflictOnCreateMeansTheSecretExists() {
    server.enqueue(
        error(
            409,
            "ALREADY_EXISTS",
            "Secret [projects/123/secrets/auth-db-password] already exists."));

    assertThatThrownBy(() -> adapter.createSecret(SECRET, Map.of()))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void addsAVersionWithItsChecksumAndNeverShowsTheValue() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/123456789/secrets/auth-db-password/versions/4","state":1,
             "createTime":"2026-01-02T03:04:05Z"}"""));
    server.enqueue(error(400, "INVALID_ARGUMENT", "Secret payload is too large"));

    SecretVersion version = adapter.addVersion(SECRET, SecretValue.ofUtf8(PASSWORD));

    assertThat(version.name().version()).isEqualTo("4");
    assertThat(version.state()).isEqualTo(SecretVersion.State.ENABLED);
    RecordedRequest request = take(server);
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/secrets/auth-db-password:addVersion");
    byte[] bytes = PASSWORD.getBytes(StandardCharsets.UTF_8);
    assertThat(bodyOf(request))
        .contains("\"data\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"")
        .contains("\"dataCrc32c\":\"" + SecretManagerMapper.crc32c(bytes) + "\"");

    assertThatThrownBy(() -> adapter.addVersion(SECRET, SecretValue.ofUtf8(PASSWORD)))
        .hasMessageNotContaining(PASSWORD);
    assertThat(SecretValue.ofUtf8(PASSWORD).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void accessChecksTheChecksumGoogleSends() throws Exception {
    byte[] bytes = PASSWORD.getBytes(StandardCharsets.UTF_8);
    String data = Base64.getEncoder().encodeToString(bytes);
    server.enqueue(
        ok(
            """
            {"name":"projects/123456789/secrets/auth-db-password/versions/4",
             "payload":{"data":"%s","dataCrc32c":"%d"}}"""
                .formatted(data, SecretManagerMapper.crc32c(bytes))));
    server.enqueue(
        ok(
            """
            {"name":"projects/123456789/secrets/auth-db-password/versions/4",
             "payload":{"data":"%s","dataCrc32c":"12345"}}"""
                .formatted(data)));

    assertThat(adapter.accessVersion(SECRET.version("4")).utf8()).isEqualTo(PASSWORD);
    assertThatThrownBy(() -> adapter.accessVersion(SECRET.version("4")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("does not match its CRC32C checksum")
        .hasMessageNotContaining(PASSWORD);
    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/secrets/auth-db-password/versions/4:access");
  }

  @Test
  void listsVersionsAndReadsAMissingOneAsEmpty() throws Exception {
    server.enqueue(
        ok(
            """
            {"versions":[{"name":"projects/1/secrets/auth-db-password/versions/2","state":"ENABLED"},
                         {"name":"projects/1/secrets/auth-db-password/versions/1","state":3}],
             "totalSize":2}"""));
    server.enqueue(
        error(
            404,
            "NOT_FOUND",
            "Secret Version [projects/1/secrets/auth-db-password/versions/9] not found."));

    assertThat(adapter.listVersions(SECRET))
        .extracting(SecretVersion::state)
        .containsExactly(SecretVersion.State.ENABLED, SecretVersion.State.DESTROYED);
    assertThat(adapter.findVersion(SECRET.version("9"))).isEmpty();
    assertThat(testCalls.count(GoogleApi.SECRET_MANAGER, "getSecretVersion", CallOutcome.NOT_FOUND))
        .isEqualTo(1);
  }

  @Test
  void recordsVersionAliasesWithAFieldMaskAndTheEtag() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/1/secrets/auth-db-password","versionAliases":{"rotation-2":"4"},"etag":"\\"e2\\""}"""));
    server.enqueue(error(409, "ABORTED", "etag does not match"));

    Secret secret =
        adapter.updateSecretMetadata(
            SECRET, Map.of("rotation", "2"), Map.of("rotation-2", 4L), "\"e1\"");
    assertThatThrownBy(() -> adapter.updateSecretMetadata(SECRET, Map.of(), Map.of(), "\"stale\""))
        .isInstanceOf(ConflictException.class);

    assertThat(secret.versionAliases()).containsEntry("rotation-2", 4L);
    RecordedRequest request = take(server);
    assertThat(request.getHeaders().get("X-HTTP-Method-Override")).isEqualTo("PATCH");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/secrets/auth-db-password");
    assertThat(request.getUrl().queryParameter("updateMask"))
        .isEqualTo("annotations,versionAliases");
    assertThat(bodyOf(request))
        .contains("\"etag\":\"\\\"e1\\\"\"")
        .contains("\"rotation-2\":\"4\"");
  }

  @Test
  void grantsAccessOnOneSecretThroughItsIamPolicy() throws Exception {
    server.enqueue(ok("{\"etag\":\"BwYk\"}"));
    server.enqueue(
        ok(
            """
            {"version":1,"etag":"BwYl","bindings":[{"role":"roles/secretmanager.secretAccessor",
              "members":["serviceAccount:auth@proj-1.iam.gserviceaccount.com"]}]}"""));

    IamPolicy policy = adapter.getIamPolicy(SECRET);
    adapter.setIamPolicy(
        SECRET,
        policy.withMember(
            "roles/secretmanager.secretAccessor",
            "serviceAccount:auth@proj-1.iam.gserviceaccount.com"));

    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/secrets/auth-db-password:getIamPolicy");
    RecordedRequest set = take(server);
    assertThat(set.getUrl().encodedPath())
        .isEqualTo("/v1/projects/proj-1/secrets/auth-db-password:setIamPolicy");
    assertThat(bodyOf(set))
        .contains("\"etag\":\"BwYk\"")
        .contains("\"members\":[\"serviceAccount:auth@proj-1.iam.gserviceaccount.com\"]");
  }

  @Test
  void deleteOfAMissingSecretIsDone() {
    server.enqueue(error(404, "NOT_FOUND", "not found"));
    server.enqueue(ok("{}"));

    assertThat(adapter.deleteSecret(SECRET)).isFalse();
    assertThat(adapter.deleteSecret(SECRET)).isTrue();
  }

  @Test
  void quotaErrorsCarryRetryAfter() {
    server.enqueue(WireResponses.rateLimited("30"));

    assertThatThrownBy(() -> adapter.findSecret(SECRET))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
  }
}
