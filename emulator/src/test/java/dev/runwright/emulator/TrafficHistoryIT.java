package dev.runwright.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runwright.emulator.control.Latencies;
import dev.runwright.emulator.run.TrafficChange;
import dev.runwright.emulator.run.TrafficChange.Route;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The traffic history of Cloud Run services, driven by the real ServicesClient: one entry per real
 * change of the serving routes, the same over the admin HTTP API, cleared by a reset.
 */
class TrafficHistoryIT {
  private static final String PROJECT = "demo-project";
  private static final String REGION = "europe-west1";
  private static final String SERVICE =
      "projects/" + PROJECT + "/locations/" + REGION + "/services/shop";
  private static Emulator emulator;
  private static RunClients run;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorConfig.defaults());
    run = new RunClients(emulator);
    http = new RawHttp(emulator.endpoint());
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
  void recordsEveryRouteChangeOnceUntilDeletionAndResetClearsIt() throws Exception {
    Instant before = Instant.now();
    Service v1 = create(template("app:v1"));
    String rev1 = v1.getLatestCreatedRevision();
    Route rev1All = new Route(rev1, "app:v1", 100, "");
    assertThat(routes()).containsExactly(List.of(rev1All));

    // Reads, an identical write and a write that changes no route add nothing.
    run.services.getService(SERVICE);
    run.services.listServices(LocationName.of(PROJECT, REGION)).iterateAll().forEach(s -> {});
    update(v1);
    Service labelled =
        update(run.services.getService(SERVICE).toBuilder().putLabels("team", "a").build());
    assertThat(labelled.getGeneration()).isEqualTo(2);
    assertThat(routes()).containsExactly(List.of(rev1All));

    // A new revision behind a tag, no traffic yet (LATEST resolves to it).
    Service tagged =
        update(
            labelled.toBuilder()
                .setTemplate(template("app:v2"))
                .clearTraffic()
                .addTraffic(revisionTarget(rev1, 100))
                .addTraffic(
                    TrafficTarget.newBuilder()
                        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
                        .setTag("candidate"))
                .build());
    String rev2 = tagged.getLatestCreatedRevision();
    assertThat(rev2).isNotEqualTo(rev1);
    Route rev2Tagged = new Route(rev2, "app:v2", 0, "candidate");

    // Then all traffic to it.
    Service promoted =
        update(tagged.toBuilder().clearTraffic().addTraffic(revisionTarget(rev2, 100)).build());
    update(promoted);
    run.services.getService(SERVICE);
    RunClients.await(run.services.deleteServiceAsync(SERVICE));
    Instant after = Instant.now();

    Route rev2All = new Route(rev2, "app:v2", 100, "");
    List<TrafficChange> history = emulator.control().trafficHistory();
    assertThat(history).extracting(TrafficChange::service).containsOnly(SERVICE);
    assertThat(routes())
        .containsExactly(
            List.of(rev1All), List.of(rev1All, rev2Tagged), List.of(rev2All), List.of());
    assertThat(history)
        .extracting(TrafficChange::at)
        .isSorted()
        .allSatisfy(at -> assertThat(at).isBetween(before, after));
    assertThatThrownBy(() -> history.add(history.getFirst()))
        .isInstanceOf(UnsupportedOperationException.class);

    assertThat(overHttp()).isEqualTo(history);

    emulator.control().reset();
    assertThat(emulator.control().trafficHistory()).isEmpty();
    assertThat(overHttp()).isEmpty();
  }

  @Test
  void aRevisionThatNeverBecomesReadyNeverGetsTraffic() throws Exception {
    Service v1 = create(template("app:v1"));
    emulator.control().outcomes().failRevisions("shop-broken");
    RevisionTemplate broken = template("app:broken").toBuilder().setRevision("shop-broken").build();

    assertThatThrownBy(() -> update(v1.toBuilder().setTemplate(broken).build()))
        .isInstanceOf(FailedPreconditionException.class);
    run.services.getService(SERVICE);

    assertThat(routes())
        .containsExactly(List.of(new Route(v1.getLatestCreatedRevision(), "app:v1", 100, "")));
    assertThat(http.send("POST", "/emulator/v1/reset", "{}").statusCode()).isEqualTo(200);
    assertThat(emulator.control().trafficHistory()).isEmpty();
  }

  private static List<List<Route>> routes() {
    return emulator.control().trafficHistory().stream().map(TrafficChange::routes).toList();
  }

  /** The history as {@code GET /emulator/v1/traffic-history} answers it. */
  private static List<TrafficChange> overHttp() {
    HttpResponse<String> response = http.get("/emulator/v1/traffic-history");
    assertThat(response.statusCode()).isEqualTo(200);
    List<TrafficChange> changes = new ArrayList<>();
    for (JsonElement e :
        JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("changes")) {
      JsonObject change = e.getAsJsonObject();
      List<Route> routes = new ArrayList<>();
      JsonArray targets = change.getAsJsonArray("routes");
      for (JsonElement t : targets) {
        JsonObject route = t.getAsJsonObject();
        routes.add(
            new Route(
                route.get("revision").getAsString(),
                route.get("image").getAsString(),
                route.get("percent").getAsInt(),
                route.get("tag").getAsString()));
      }
      changes.add(
          new TrafficChange(
              Instant.parse(change.get("at").getAsString()),
              change.get("service").getAsString(),
              routes));
    }
    return changes;
  }

  private static Service create(RevisionTemplate template) throws Exception {
    return RunClients.await(
        run.services.createServiceAsync(
            LocationName.of(PROJECT, REGION),
            Service.newBuilder().setTemplate(template).build(),
            "shop"));
  }

  private static Service update(Service service) throws Exception {
    return RunClients.await(
        run.services.updateServiceAsync(
            UpdateServiceRequest.newBuilder().setService(service).build()));
  }

  private static RevisionTemplate template(String image) {
    return RevisionTemplate.newBuilder()
        .addContainers(Container.newBuilder().setImage(image))
        .build();
  }

  /** A target pinned to {@code revision} (a full name; the target takes its last segment). */
  private static TrafficTarget revisionTarget(String revision, int percent) {
    return TrafficTarget.newBuilder()
        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
        .setRevision(revision.substring(revision.lastIndexOf('/') + 1))
        .setPercent(percent)
        .build();
  }
}
