package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.ResourceExhaustedException;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionName;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.longrunning.Operation;
import dev.runwright.emulator.control.Api;
import dev.runwright.emulator.control.Fault;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.emulator.run.CloudRunAdmin;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud Run v2 services and revisions driven by the real ServicesClient and RevisionsClient over
 * REST.
 */
class CloudRunServicesIT {
  private static final String PROJECT = "demo-project";
  private static final String REGION = "europe-west1";
  private static final long PROJECT_NUMBER = 987654321098L;
  private static Emulator emulator;
  private static RunClients run;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorConfig.defaults().withProjectNumber(PROJECT, PROJECT_NUMBER));
    run = new RunClients(emulator);
  }

  @AfterAll
  static void stop() {
    run.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.control().reset();
    emulator.control().setLatencies(Latencies.none());
  }

  @Test
  void createReachesReadyWithGeneratedRevisionAndDefaults() throws Exception {
    Service service = create("hello", template("app:v1", ""));
    assertThat(service.getGeneration()).isEqualTo(1);
    assertThat(service.getObservedGeneration()).isEqualTo(1);
    assertThat(ServiceName.parse(service.getName()).getService()).isEqualTo("hello");
    assertThat(service.getLatestCreatedRevision())
        .matches(
            "projects/demo-project/locations/europe-west1/services/hello/revisions/hello-00001-[a-z0-9]{3}");
    assertThat(service.getLatestReadyRevision()).isEqualTo(service.getLatestCreatedRevision());
    assertThat(service.getTerminalCondition().getType()).isEqualTo("Ready");
    assertThat(service.getTerminalCondition().getState())
        .isEqualTo(Condition.State.CONDITION_SUCCEEDED);
    assertThat(service.getReconciling()).isFalse();
    assertThat(service.getTrafficList())
        .containsExactly(
            TrafficTarget.newBuilder()
                .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
                .setPercent(100)
                .build());
    assertThat(service.getTrafficStatusesList())
        .extracting(TrafficTargetStatus::getPercent)
        .containsExactly(100);
    assertThat(service.getUri())
        .isEqualTo("https://hello-" + PROJECT_NUMBER + "." + REGION + ".run.app");
    assertThat(service.getTemplate().getMaxInstanceRequestConcurrency()).isEqualTo(80);
    assertThat(service.getTemplate().getServiceAccount())
        .isEqualTo(PROJECT_NUMBER + "-compute@developer.gserviceaccount.com");
    assertThat(service.getEtag()).isNotEmpty();

    Revision revision = run.revisions.getRevision(service.getLatestCreatedRevision());
    assertThat(revision.getContainers(0).getImage()).isEqualTo("app:v1");
    assertThat(revision.getConditionsList())
        .anyMatch(
            c ->
                c.getType().equals("Ready") && c.getState() == Condition.State.CONDITION_SUCCEEDED);
  }

  @Test
  void onlyTemplateChangesCreateRevisionsAndSameSpecIsANoOp() throws Exception {
    Service v1 = create("api", template("app:v1", ""));
    Service same = update(v1.toBuilder().build());
    assertThat(same.getGeneration()).isEqualTo(1);
    assertThat(same.getLatestCreatedRevision()).isEqualTo(v1.getLatestCreatedRevision());

    Service v2 = update(v1.toBuilder().setTemplate(template("app:v2", "")).build());
    assertThat(v2.getGeneration()).isEqualTo(2);
    assertThat(v2.getObservedGeneration()).isEqualTo(2);
    assertThat(v2.getLatestCreatedRevision()).contains("/revisions/api-00002-");
    assertThat(v2.getLatestReadyRevision()).isEqualTo(v2.getLatestCreatedRevision());
    assertThat(run.revisions.listRevisions(ServiceName.of(PROJECT, REGION, "api")).iterateAll())
        .extracting(Revision::getName)
        .containsExactly(v2.getLatestCreatedRevision(), v1.getLatestCreatedRevision());

    // A template sent back exactly as read (with Cloud Run's defaults) is no change either.
    Service again = update(v2);
    assertThat(again.getGeneration()).isEqualTo(2);
  }

  @Test
  void customRevisionNamesAreHonouredAndNeverReusedForAnotherTemplate() throws Exception {
    Service v1 = create("named", template("app:v1", "named-abc123"));
    assertThat(v1.getLatestCreatedRevision()).endsWith("/revisions/named-abc123");
    assertThatThrownBy(
            () -> update(v1.toBuilder().setTemplate(template("app:v2", "named-abc123")).build()))
        .isInstanceOf(AbortedException.class);
    assertThatThrownBy(
            () -> update(v1.toBuilder().setTemplate(template("app:v2", "other-x")).build()))
        .isInstanceOf(InvalidArgumentException.class);
    Service sameAgain =
        update(v1.toBuilder().setTemplate(template("app:v1", "named-abc123")).build());
    assertThat(sameAgain.getGeneration()).isEqualTo(1);
  }

  @Test
  void trafficSplitsPinnedRevisionsAndTags() throws Exception {
    Service v1 = create("shop", template("app:v1", "shop-v1"));
    Service v2 =
        update(
            v1.toBuilder()
                .setTemplate(template("app:v2", "shop-v2"))
                .clearTraffic()
                .addTraffic(revisionTarget("shop-v1", 100, ""))
                .addTraffic(revisionTarget("shop-v2", 0, "candidate"))
                .build());
    assertThat(v2.getLatestCreatedRevision()).endsWith("/shop-v2");
    assertThat(v2.getTrafficStatusesList())
        .containsExactly(
            status("shop-v1", 100, "", ""),
            status(
                "shop-v2",
                0,
                "candidate",
                "https://candidate---shop-" + PROJECT_NUMBER + "." + REGION + ".run.app"));

    Service split =
        update(
            v2.toBuilder()
                .clearTraffic()
                .addTraffic(revisionTarget("shop-v1", 90, ""))
                .addTraffic(revisionTarget("shop-v2", 10, "candidate"))
                .build());
    assertThat(split.getGeneration()).isEqualTo(3);
    assertThat(split.getLatestCreatedRevision()).isEqualTo(v2.getLatestCreatedRevision());
    assertThat(split.getTrafficStatusesList())
        .extracting(TrafficTargetStatus::getPercent)
        .containsExactly(90, 10);

    assertThatThrownBy(
            () ->
                update(
                    split.toBuilder()
                        .clearTraffic()
                        .addTraffic(revisionTarget("shop-v1", 50, ""))
                        .addTraffic(revisionTarget("shop-v2", 10, ""))
                        .build()))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(
            () ->
                update(
                    split.toBuilder()
                        .clearTraffic()
                        .addTraffic(revisionTarget("shop-v9", 100, ""))
                        .build()))
        .isInstanceOf(InvalidArgumentException.class);

    // A revision with traffic cannot be deleted; one without can.
    assertThatThrownBy(
            () ->
                RunClients.await(
                    run.revisions.deleteRevisionAsync(
                        RevisionName.of(PROJECT, REGION, "shop", "shop-v1"))))
        .isInstanceOf(InvalidArgumentException.class);
    update(split.toBuilder().clearTraffic().addTraffic(revisionTarget("shop-v2", 100, "")).build());
    Revision deleted =
        run.revisions
            .deleteRevisionAsync(RevisionName.of(PROJECT, REGION, "shop", "shop-v1"))
            .get();
    assertThat(deleted.getName()).endsWith("/shop-v1");
    assertThatThrownBy(
            () -> run.revisions.getRevision(RevisionName.of(PROJECT, REGION, "shop", "shop-v1")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateMaskChangesOnlyTheNamedFields() throws Exception {
    Service v1 = create("masked", template("app:v1", "masked-v1"));
    Service v2 = update(v1.toBuilder().setTemplate(template("app:v2", "masked-v2")).build());
    // Only traffic in the body and the mask: the template stays, no revision is created.
    Service pinned =
        RunClients.await(
            run.services.updateServiceAsync(
                UpdateServiceRequest.newBuilder()
                    .setService(
                        Service.newBuilder()
                            .setName(v2.getName())
                            .addTraffic(revisionTarget("masked-v1", 100, "")))
                    .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("traffic"))
                    .build()));
    assertThat(pinned.getGeneration()).isEqualTo(3);
    assertThat(pinned.getTemplate()).isEqualTo(v2.getTemplate());
    assertThat(pinned.getLatestCreatedRevision()).isEqualTo(v2.getLatestCreatedRevision());
    assertThat(pinned.getTrafficStatusesList())
        .extracting(TrafficTargetStatus::getRevision)
        .containsExactly("masked-v1");
  }

  @Test
  void staleEtagIsAborted() throws Exception {
    Service v1 = create("etag", template("app:v1", ""));
    update(v1.toBuilder().setTemplate(template("app:v2", "")).build());
    assertThatThrownBy(() -> update(v1.toBuilder().setTemplate(template("app:v3", "")).build()))
        .isInstanceOf(AbortedException.class);
    assertThatThrownBy(
            () ->
                RunClients.await(
                    run.services.deleteServiceAsync(
                        com.google.cloud.run.v2.DeleteServiceRequest.newBuilder()
                            .setName(v1.getName())
                            .setEtag(v1.getEtag())
                            .build())))
        .isInstanceOf(AbortedException.class);
  }

  @Test
  void revisionReadinessTakesItsLatencyAndTheOperationWaitsForIt() throws Exception {
    Service v1 = create("slow", template("app:v1", ""));
    emulator.control().setLatencies(Latencies.none().withRevisionReady(Duration.ofSeconds(2)));
    OperationFuture<Service, Service> future =
        run.services.updateServiceAsync(v1.toBuilder().setTemplate(template("app:v2", "")).build());
    assertThat(future.getInitialFuture().get().isDone()).isFalse();
    Service during = run.services.getService(v1.getName());
    assertThat(during.getGeneration()).isEqualTo(2);
    assertThat(during.getObservedGeneration()).isEqualTo(1);
    assertThat(during.getReconciling()).isTrue();
    assertThat(during.getTerminalCondition().getState())
        .isEqualTo(Condition.State.CONDITION_RECONCILING);
    assertThat(during.getLatestReadyRevision()).isEqualTo(v1.getLatestCreatedRevision());
    assertThat(during.getLatestCreatedRevision()).isNotEqualTo(v1.getLatestCreatedRevision());

    Service done = future.get();
    assertThat(done.getObservedGeneration()).isEqualTo(2);
    assertThat(done.getLatestReadyRevision()).isEqualTo(done.getLatestCreatedRevision());
  }

  @Test
  void aFailingRevisionFailsTheOperationAndKeepsTheServingRoutes() throws Exception {
    Service v1 = create("stable", template("app:v1", "stable-good"));
    emulator.control().outcomes().failRevisions("stable-bad");
    OperationFuture<Service, Service> future =
        run.services.updateServiceAsync(
            v1.toBuilder().setTemplate(template("app:broken", "stable-bad")).build());
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("stable-bad");
    Service after = run.services.getService(v1.getName());
    assertThat(after.getObservedGeneration()).isEqualTo(2);
    assertThat(after.getTerminalCondition().getState()).isEqualTo(Condition.State.CONDITION_FAILED);
    assertThat(after.getLatestCreatedRevision()).endsWith("/stable-bad");
    assertThat(after.getLatestReadyRevision()).endsWith("/stable-good");
    assertThat(after.getTrafficStatusesList()).isEqualTo(v1.getTrafficStatusesList());
  }

  @Test
  void neverReadyRevisionKeepsTheServiceReconciling() throws Exception {
    emulator.control().outcomes().neverReadyRevisions("stuck-");
    OperationFuture<Service, Service> future =
        run.services.createServiceAsync(
            LocationName.of(PROJECT, REGION), service(template("app:v1", "")), "stuck");
    assertThat(future.getInitialFuture().get().isDone()).isFalse();
    Service during = run.services.getService(ServiceName.of(PROJECT, REGION, "stuck"));
    assertThat(during.getReconciling()).isTrue();
    assertThat(during.getLatestReadyRevision()).isEmpty();
    future.cancel(true);
  }

  @Test
  void deleteListAndErrors() throws Exception {
    create("one", template("app:v1", ""));
    create("two", template("app:v1", ""));
    assertThat(run.services.listServices(LocationName.of(PROJECT, REGION)).iterateAll())
        .extracting(s -> ServiceName.parse(s.getName()).getService())
        .containsExactly("one", "two");
    assertThatThrownBy(() -> create("one", template("app:v1", "")))
        .isInstanceOf(AbortedException.class);
    assertThatThrownBy(() -> create("Bad_Name", template("app:v1", "")))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> create("noimage", template("", "")))
        .isInstanceOf(InvalidArgumentException.class);

    Service deleted = run.services.deleteServiceAsync(ServiceName.of(PROJECT, REGION, "one")).get();
    assertThat(deleted.getName()).endsWith("/services/one");
    assertThatThrownBy(() -> run.services.getService(ServiceName.of(PROJECT, REGION, "one")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                RunClients.await(
                    run.services.deleteServiceAsync(ServiceName.of(PROJECT, REGION, "one"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void iamPolicyOnServices() throws Exception {
    Service service = create("public", template("app:v1", ""));
    Policy policy =
        run.services.setIamPolicy(
            SetIamPolicyRequest.newBuilder()
                .setResource(service.getName())
                .setPolicy(
                    Policy.newBuilder()
                        .addBindings(
                            Binding.newBuilder()
                                .setRole("roles/run.invoker")
                                .addMembers("allUsers")))
                .build());
    assertThat(
            run.services
                .getIamPolicy(
                    GetIamPolicyRequest.newBuilder().setResource(service.getName()).build())
                .getBindingsList())
        .isEqualTo(policy.getBindingsList());
  }

  @Test
  void faultsCountersAndSteadyStateReads() throws Exception {
    Service service = create("faulty", template("app:v1", ""));
    emulator.control().counters().reset();

    // The client retries get on UNAVAILABLE by default: two calls, one answer.
    emulator.control().faults().add(Fault.status("run.services.get", 503, 1));
    assertThat(run.services.getService(service.getName()).getName()).isEqualTo(service.getName());
    assertThat(emulator.control().counters().count("run.services.get")).isEqualTo(2);

    emulator.control().faults().add(Fault.rateLimited("run.services.update", 1, 2));
    assertThatThrownBy(
            () ->
                run.services
                    .updateServiceAsync(
                        service.toBuilder().setTemplate(template("app:v2", "")).build())
                    .get())
        .hasCauseInstanceOf(ResourceExhaustedException.class);

    emulator.control().counters().reset();
    run.services.getService(service.getName());
    run.services.getService(service.getName());
    assertThat(emulator.control().counters().reads(Api.RUN)).isEqualTo(2);
    assertThat(emulator.control().counters().writes(Api.RUN)).isZero();
  }

  @Test
  void payloadsParseStrictlyAndOperationsCarryTheirType() throws Exception {
    Service service = create("strict", template("app:v1", ""));
    RawHttp http = new RawHttp(emulator.endpoint());
    Service raw =
        http.getStrict("/v2/" + service.getName(), Service.newBuilder(), CloudRunAdmin.TYPES)
            .build();
    assertThat(raw.getLatestCreatedRevision()).isEqualTo(service.getLatestCreatedRevision());
    http.getStrict(
        "/v2/" + service.getLatestCreatedRevision(), Revision.newBuilder(), CloudRunAdmin.TYPES);
    var enumsAsInts = http.get("/v2/" + service.getName() + "?$alt=json;enum-encoding%3Dint");
    assertThat(enumsAsInts.body()).contains("\"state\": 4");

    var operations =
        http.getStrict(
                "/v2/projects/" + PROJECT + "/locations/" + REGION + "/operations",
                com.google.longrunning.ListOperationsResponse.newBuilder(),
                CloudRunAdmin.TYPES)
            .build();
    Operation op = operations.getOperations(0);
    assertThat(op.getMetadata().getTypeUrl())
        .isEqualTo("type.googleapis.com/google.cloud.run.v2.Service");
    assertThat(op.getResponse().getTypeUrl())
        .isEqualTo("type.googleapis.com/google.cloud.run.v2.Service");
    var waited = http.send("POST", "/v2/" + op.getName() + ":wait", "{\"timeout\":\"1s\"}");
    assertThat(waited.statusCode()).isEqualTo(200);
    assertThat(
            RawHttp.parseStrict(waited.body(), Operation.newBuilder(), CloudRunAdmin.TYPES)
                .getDone())
        .isTrue();

    var unknownField =
        http.send(
            "POST",
            "/v2/projects/" + PROJECT + "/locations/" + REGION + "/services?serviceId=x",
            "{\"bogus\":1}");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("INVALID_ARGUMENT");
  }

  private static Service create(String id, RevisionTemplate template) throws Exception {
    return RunClients.await(
        run.services.createServiceAsync(LocationName.of(PROJECT, REGION), service(template), id));
  }

  private static Service update(Service service) throws Exception {
    return RunClients.await(
        run.services.updateServiceAsync(
            UpdateServiceRequest.newBuilder().setService(service).build()));
  }

  private static Service service(RevisionTemplate template) {
    return Service.newBuilder().setTemplate(template).build();
  }

  private static RevisionTemplate template(String image, String revision) {
    return RevisionTemplate.newBuilder()
        .setRevision(revision)
        .addContainers(
            Container.newBuilder()
                .setImage(image)
                .addEnv(EnvVar.newBuilder().setName("MODE").setValue("test")))
        .build();
  }

  private static TrafficTarget revisionTarget(String revision, int percent, String tag) {
    return TrafficTarget.newBuilder()
        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
        .setRevision(revision)
        .setPercent(percent)
        .setTag(tag)
        .build();
  }

  private static TrafficTargetStatus status(String revision, int percent, String tag, String uri) {
    return TrafficTargetStatus.newBuilder()
        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
        .setRevision(revision)
        .setPercent(percent)
        .setTag(tag)
        .setUri(uri)
        .build();
  }
}
