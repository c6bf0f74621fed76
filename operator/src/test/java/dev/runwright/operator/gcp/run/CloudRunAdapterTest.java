package dev.runwright.operator.gcp.run;

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
import dev.runwright.operator.gcp.TestCalls;
import dev.runwright.operator.gcp.WireResponses;
import dev.runwright.operator.gcp.gapic.GapicErrorTranslator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Cloud Run adapter sends and how it reads Google's answers, on the wire. */
class CloudRunAdapterTest {

  private static final ServiceName SERVICE = new ServiceName("proj-1", "europe-west1", "auth");
  private static final JobName JOB = new JobName("proj-1", "europe-west1", "auth-migrate");
  private static final String OPERATION =
      """
      {"name":"projects/proj-1/locations/europe-west1/operations/op-1",
       "metadata":{"@type":"type.googleapis.com/google.cloud.run.v2.Service",
                   "name":"projects/proj-1/locations/europe-west1/services/auth"}}""";

  private MockWebServer server;
  private TestCalls testCalls;
  private CloudRunAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    server = WireResponses.startLoopback();
    testCalls = new TestCalls(new GapicErrorTranslator(Clock.systemUTC()));
    adapter =
        CloudRunAdapter.create(
            Optional.of(URI.create(WireResponses.baseUrl(server))),
            Duration.ofSeconds(2),
            testCalls.calls);
  }

  @AfterEach
  void stop() {
    adapter.close();
    server.close();
  }

  static ServiceSpec spec() {
    var container =
        new Container(
            "",
            "europe-docker.pkg.dev/proj-1/app/auth@sha256:abc",
            List.of(),
            List.of("serve"),
            List.of(
                new EnvVar.Literal("DB_NAME", "auth"),
                new EnvVar.FromSecret("DB_PASSWORD", "projects/proj-1/secrets/auth-db", "3")),
            new ContainerResources(Map.of("cpu", "1", "memory", "512Mi"), true, false),
            Optional.of(8080),
            List.of(new VolumeMount("cloudsql", "/cloudsql")),
            Optional.of(new HttpProbe("/readyz", 0, 0, 2, 1, 120)),
            Optional.of(HttpProbe.of("/healthz")));
    var template =
        new RevisionTemplate(
            Optional.of("auth-1a2b3c"),
            Map.of("release", "v1"),
            Map.of(),
            Optional.of("auth@proj-1.iam.gserviceaccount.com"),
            new Scaling(0, 3),
            Optional.of(Duration.ofSeconds(60)),
            80,
            List.of(container),
            List.of(new CloudSqlVolume("cloudsql", List.of("proj-1:europe-west1:main"))));
    return new ServiceSpec(
        Map.of(),
        Map.of(),
        Ingress.ALL,
        template,
        List.of(
            TrafficTarget.toRevision("auth-000000", 100),
            TrafficTarget.toRevision("auth-1a2b3c", 0).withTag("candidate")));
  }

  @Test
  void createServiceSendsTheSpecWithEnumsAsNumbersAndReturnsTheOperationWithoutPolling()
      throws Exception {
    server.enqueue(ok(OPERATION));

    RunOperationName operation = adapter.createService(SERVICE, spec());

    assertThat(operation.toString())
        .isEqualTo("projects/proj-1/locations/europe-west1/operations/op-1");
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services");
    assertThat(request.getUrl().queryParameter("serviceId")).isEqualTo("auth");
    String body = bodyOf(request);
    assertThat(body)
        .contains("\"ingress\":1")
        .contains("\"type\":2")
        .contains("\"revision\":\"auth-1a2b3c\"")
        .contains("\"tag\":\"candidate\"")
        .contains("\"timeout\":\"60s\"")
        .contains("\"secret\":\"projects/proj-1/secrets/auth-db\"")
        .contains("\"instances\":[\"proj-1:europe-west1:main\"]")
        .contains("\"containerPort\":8080")
        .contains(
            "\"startupProbe\":{\"timeoutSeconds\":1,\"periodSeconds\":2,\"failureThreshold\":120,\"httpGet\":{\"path\":\"/readyz\"}}")
        .doesNotContain("\"name\":\"projects/");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(testCalls.count(GoogleApi.CLOUD_RUN, "createService", CallOutcome.OK)).isEqualTo(1);
  }

  @Test
  void aConflictOnCreateMeansTheServiceAlreadyExistsWhateverTheBodySays() {
    server.enqueue(error(409, "ALREADY_EXISTS", "Resource 'auth' already exists."));
    server.enqueue(WireResponses.json(409, "{}"));

    assertThatThrownBy(() -> adapter.createService(SERVICE, spec()))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("Resource 'auth' already exists.");
    assertThatThrownBy(() -> adapter.createService(SERVICE, spec()))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(testCalls.count(GoogleApi.CLOUD_RUN, "createService", CallOutcome.ALREADY_EXISTS))
        .isEqualTo(2);
  }

  @Test
  void updateServiceIsAPatchCarryingNameAndEtagAndAStaleEtagIsAConflict() throws Exception {
    server.enqueue(ok(OPERATION));
    server.enqueue(error(409, "ABORTED", "etag mismatch"));

    adapter.updateService(SERVICE, spec(), "\"etag-7\"");
    assertThatThrownBy(() -> adapter.updateService(SERVICE, spec(), "\"etag-6\""))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("etag mismatch");

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("X-HTTP-Method-Override")).isEqualTo("PATCH");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services/auth");
    assertThat(bodyOf(request))
        .contains("\"name\":\"projects/proj-1/locations/europe-west1/services/auth\"")
        .contains("\"etag\":\"\\\"etag-7\\\"\"");
  }

  @Test
  void findServiceReadsStatusAndRoundTripsTheSpec() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/services/auth",
             "generation":"4","observedGeneration":"4","ingress":1,
             "template":{"revision":"auth-1a2b3c","labels":{"release":"v1"},
               "serviceAccount":"auth@proj-1.iam.gserviceaccount.com",
               "scaling":{"maxInstanceCount":3},"timeout":"60s","maxInstanceRequestConcurrency":80,
               "containers":[{"image":"europe-docker.pkg.dev/proj-1/app/auth@sha256:abc","args":["serve"],
                 "env":[{"name":"DB_NAME","value":"auth"},
                        {"name":"DB_PASSWORD","valueSource":{"secretKeyRef":{"secret":"projects/proj-1/secrets/auth-db","version":"3"}}}],
                 "resources":{"limits":{"cpu":"1","memory":"512Mi"},"startupCpuBoost":true},
                 "ports":[{"containerPort":8080}],
                 "startupProbe":{"httpGet":{"path":"/readyz"},"periodSeconds":2,"timeoutSeconds":1,"failureThreshold":120},
                 "livenessProbe":{"httpGet":{"path":"/healthz"}},
                 "volumeMounts":[{"name":"cloudsql","mountPath":"/cloudsql"}]}],
               "volumes":[{"name":"cloudsql","cloudSqlInstance":{"instances":["proj-1:europe-west1:main"]}}]},
             "traffic":[{"type":2,"revision":"auth-000000","percent":100},
                        {"type":"TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION","revision":"auth-1a2b3c","tag":"candidate"}],
             "terminalCondition":{"type":"Ready","state":4,"lastTransitionTime":"2026-01-02T03:04:05Z"},
             "conditions":[{"type":"RoutesReady","state":"CONDITION_SUCCEEDED"}],
             "latestCreatedRevision":"projects/proj-1/locations/europe-west1/services/auth/revisions/auth-1a2b3c",
             "latestReadyRevision":"projects/proj-1/locations/europe-west1/services/auth/revisions/auth-1a2b3c",
             "trafficStatuses":[{"type":2,"revision":"auth-000000","percent":100},
                                {"type":2,"revision":"auth-1a2b3c","tag":"candidate","uri":"https://candidate---auth-xyz.a.run.app"}],
             "uri":"https://auth-xyz.a.run.app","etag":"\\"etag-7\\"","someFieldFromTheFuture":{"x":1}}"""));

    RunService service = adapter.findService(SERVICE).orElseThrow();

    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services/auth");
    assertThat(service.spec()).isEqualTo(spec());
    assertThat(service.generation()).isEqualTo(4);
    assertThat(service.terminalCondition().orElseThrow().state())
        .isEqualTo(ConditionState.SUCCEEDED);
    assertThat(service.conditions())
        .extracting(RunCondition::state)
        .containsExactly(ConditionState.SUCCEEDED);
    assertThat(service.latestReadyRevision()).contains("auth-1a2b3c");
    assertThat(service.trafficStatuses().get(1).uri())
        .contains("https://candidate---auth-xyz.a.run.app");
    assertThat(service.uri()).contains("https://auth-xyz.a.run.app");
    assertThat(service.etag()).isEqualTo("\"etag-7\"");
    assertThat(service.rolloutSettled()).isTrue();
  }

  @Test
  void aMissingServiceIsEmptyAndADeleteOfAMissingServiceIsDone() {
    server.enqueue(error(404, "NOT_FOUND", "Resource 'auth' was not found"));
    server.enqueue(error(404, "NOT_FOUND", "Resource 'auth' was not found"));

    assertThat(adapter.findService(SERVICE)).isEmpty();
    assertThat(adapter.deleteService(SERVICE)).isEmpty();
    assertThat(testCalls.count(GoogleApi.CLOUD_RUN, "getService", CallOutcome.NOT_FOUND))
        .isEqualTo(1);
  }

  @Test
  void deleteServiceSendsADeleteAndReturnsTheOperation() throws Exception {
    server.enqueue(ok(OPERATION));

    assertThat(adapter.deleteService(SERVICE)).isPresent();

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services/auth");
  }

  @Test
  void readsAnOperationLaterWithItsErrorAndResource() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/operations/op-1","done":true,
             "metadata":{"@type":"type.googleapis.com/google.cloud.run.v2.Service",
                         "name":"projects/proj-1/locations/europe-west1/services/auth"},
             "error":{"code":9,"message":"Revision 'auth-1a2b3c' is not ready"}}"""));

    RunOperation operation =
        adapter.getOperation(
            RunOperationName.parse("projects/proj-1/locations/europe-west1/operations/op-1"));

    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/operations/op-1");
    assertThat(operation.done()).isTrue();
    assertThat(operation.succeeded()).isFalse();
    assertThat(operation.error())
        .contains(new RunOperation.OperationError(9, "Revision 'auth-1a2b3c' is not ready"));
    assertThat(operation.resource())
        .contains("projects/proj-1/locations/europe-west1/services/auth");
  }

  @Test
  void readsOperationsOfJobsAndExecutionsWithTheSameCall() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/operations/op-2","done":true,
             "metadata":{"@type":"type.googleapis.com/google.cloud.run.v2.Job",
                         "name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate"},
             "response":{"@type":"type.googleapis.com/google.cloud.run.v2.Job",
                         "name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate"}}"""));
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/operations/op-3",
             "metadata":{"@type":"type.googleapis.com/google.cloud.run.v2.Execution",
                         "name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate/executions/x7k2p"}}"""));

    RunOperation job =
        adapter.getOperation(
            RunOperationName.parse("projects/proj-1/locations/europe-west1/operations/op-2"));
    RunOperation execution =
        adapter.getOperation(
            RunOperationName.parse("projects/proj-1/locations/europe-west1/operations/op-3"));

    assertThat(job.succeeded()).isTrue();
    assertThat(job.resource()).contains(JOB.toString());
    assertThat(execution.done()).isFalse();
    assertThat(execution.resource()).contains(JOB.execution("x7k2p").toString());
  }

  @Test
  void listsRevisionsAcrossPages() throws Exception {
    server.enqueue(
        ok(
            """
            {"revisions":[{"name":"projects/proj-1/locations/europe-west1/services/auth/revisions/auth-2",
               "conditions":[{"type":"Ready","state":3,"revisionReason":4,"message":"Container failed to start"}],
               "containers":[{"image":"img:2"}],"logUri":"https://console/logs/2"}],
             "nextPageToken":"p2"}"""));
    server.enqueue(
        ok(
            """
            {"revisions":[{"name":"projects/proj-1/locations/europe-west1/services/auth/revisions/auth-1",
               "conditions":[{"type":"Ready","state":4}],"containers":[{"image":"img:1"}]}]}"""));

    List<Revision> revisions = adapter.listRevisions(SERVICE);

    assertThat(revisions).extracting(r -> r.name().revision()).containsExactly("auth-2", "auth-1");
    assertThat(revisions.get(0).failed()).isTrue();
    assertThat(revisions.get(0).readyCondition().orElseThrow().message())
        .isEqualTo("Container failed to start");
    assertThat(revisions.get(0).logUri()).contains("https://console/logs/2");
    assertThat(revisions.get(1).ready()).isTrue();
    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services/auth/revisions");
    assertThat(take(server).getUrl().queryParameter("pageToken")).isEqualTo("p2");
  }

  @Test
  void grantsPublicAccessThroughTheServiceIamPolicy() throws Exception {
    server.enqueue(
        ok(
            """
            {"version":1,"etag":"BwYk","bindings":[{"role":"roles/run.admin","members":["user:a@example.com"]}]}"""));
    server.enqueue(
        ok(
            """
            {"version":1,"etag":"BwYl","bindings":[{"role":"roles/run.admin","members":["user:a@example.com"]},
              {"role":"roles/run.invoker","members":["allUsers"]}]}"""));

    IamPolicy policy = adapter.getServiceIamPolicy(SERVICE);
    IamPolicy written =
        adapter.setServiceIamPolicy(SERVICE, policy.withMember("roles/run.invoker", "allUsers"));

    assertThat(written.grants("roles/run.invoker", "allUsers")).isTrue();
    RecordedRequest get = take(server);
    assertThat(get.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services/auth:getIamPolicy");
    RecordedRequest set = take(server);
    assertThat(set.getMethod()).isEqualTo("POST");
    assertThat(set.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/services/auth:setIamPolicy");
    assertThat(bodyOf(set))
        .contains("\"etag\":\"BwYk\"")
        .contains("\"role\":\"roles/run.invoker\"")
        .contains("\"members\":[\"allUsers\"]");
  }

  static JobSpec jobSpec(Optional<ExecutionToken> token) {
    var container =
        new Container(
            "",
            "img@sha256:abc",
            List.of(),
            List.of("migrate"),
            List.of(new EnvVar.Literal("DB_NAME", "auth")),
            ContainerResources.defaults(),
            Optional.empty(),
            List.of(new VolumeMount("cloudsql", "/cloudsql")),
            Optional.empty(),
            Optional.empty());
    return new JobSpec(
        Map.of(),
        Map.of(),
        new ExecutionTemplate(
            Map.of("runwright.dev/release", "v2"),
            Map.of(),
            1,
            1,
            new TaskTemplate(
                List.of(container),
                List.of(new CloudSqlVolume("cloudsql", List.of("proj-1:europe-west1:main"))),
                0,
                Optional.of(Duration.ofMinutes(10)),
                Optional.of("migrate@proj-1.iam.gserviceaccount.com"))),
        token);
  }

  @Test
  void createJobCarriesTheExecutionTokenSoCloudRunRunsItExactlyOnce() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/operations/op-2",
             "metadata":{"@type":"type.googleapis.com/google.cloud.run.v2.Job"}}"""));

    adapter.createJob(JOB, jobSpec(Optional.of(new ExecutionToken("release-v2", true))));

    RecordedRequest request = take(server);
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/jobs");
    assertThat(request.getUrl().queryParameter("jobId")).isEqualTo("auth-migrate");
    assertThat(bodyOf(request))
        .contains("\"runExecutionToken\":\"release-v2\"")
        .contains("\"runwright.dev/release\":\"v2\"")
        .contains("\"timeout\":\"600s\"")
        .contains("\"args\":[\"migrate\"]");
  }

  @Test
  void runJobReturnsTheOperationAndTheExecutionItNames() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/operations/op-3",
             "metadata":{"@type":"type.googleapis.com/google.cloud.run.v2.Execution",
                         "name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate/executions/auth-migrate-x7k2p"}}"""));

    StartedExecution started =
        adapter.runJob(
            JOB,
            new RunOverrides(
                List.of("migrate", "--dry-run"), Map.of(), Optional.empty(), Optional.empty()));

    assertThat(started.execution()).contains(JOB.execution("auth-migrate-x7k2p"));
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/jobs/auth-migrate:run");
    assertThat(bodyOf(request))
        .contains("\"containerOverrides\":[{\"args\":[\"migrate\",\"--dry-run\"]}]");
  }

  @Test
  void readsJobsAndExecutionsWithOutcomeAndLogLink() throws Exception {
    server.enqueue(
        ok(
            """
            {"name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate","generation":"2",
             "observedGeneration":"2","etag":"e1","executionCount":1,
             "template":{"labels":{"runwright.dev/release":"v2"},"taskCount":1,
               "template":{"containers":[{"image":"img@sha256:abc"}],"maxRetries":0}},
             "latestCreatedExecution":{"name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate/executions/auth-migrate-x7k2p",
               "completionStatus":2}}"""));
    server.enqueue(
        ok(
            """
            {"executions":[{"name":"projects/proj-1/locations/europe-west1/jobs/auth-migrate/executions/auth-migrate-x7k2p",
              "labels":{"runwright.dev/release":"v2"},"taskCount":1,"failedCount":1,
              "completionTime":"2026-01-02T03:04:05Z",
              "conditions":[{"type":"Completed","state":3,"executionReason":2,"message":"Task auth-migrate-x7k2p-task0 failed"}],
              "logUri":"https://console.cloud.google.com/logs/viewer?x"}]}"""));

    RunJob job = adapter.findJob(JOB).orElseThrow();
    List<Execution> executions = adapter.listExecutions(JOB);

    assertThat(job.latestCreatedExecution().orElseThrow().outcome())
        .isEqualTo(ExecutionOutcome.FAILED);
    assertThat(job.spec().template().labels()).containsEntry("runwright.dev/release", "v2");
    Execution execution = executions.getFirst();
    assertThat(execution.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(execution.failureMessage())
        .contains("NON_ZERO_EXIT_CODE: Task auth-migrate-x7k2p-task0 failed");
    assertThat(execution.logUri()).contains("https://console.cloud.google.com/logs/viewer?x");
    take(server);
    assertThat(take(server).getUrl().encodedPath())
        .isEqualTo("/v2/projects/proj-1/locations/europe-west1/jobs/auth-migrate/executions");
  }
}
