package dev.runwright.operator.cloudrun;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import dev.runwright.operator.api.cloudrun.CloudRunServiceSpec;
import dev.runwright.operator.api.common.LocalObjectRef;
import dev.runwright.operator.cloudsql.DatabaseConnection;
import dev.runwright.operator.gcp.run.ConditionState;
import dev.runwright.operator.gcp.run.Revision;
import dev.runwright.operator.gcp.run.RevisionTemplate;
import dev.runwright.operator.gcp.run.RunCondition;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.run.TrafficStatus;
import dev.runwright.operator.gcp.run.TrafficTarget;
import dev.runwright.operator.gcp.secrets.SecretName;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for the CloudRunService unit tests: specs, services as read, revisions. */
final class Fixtures {
  static final ServiceName NAME = new ServiceName("demo-project", "asia-east1", "jwt");

  private Fixtures() {}

  static CloudRunService resource(String image) {
    CloudRunService resource = new CloudRunService();
    resource.setMetadata(
        new ObjectMetaBuilder().withName("jwt").withNamespace("apps").withGeneration(1L).build());
    CloudRunServiceSpec spec = new CloudRunServiceSpec();
    spec.setRegion("asia-east1");
    spec.setImage(image);
    resource.setSpec(spec);
    return resource;
  }

  static CloudRunService gated(String image) {
    CloudRunService resource = resource(image);
    LocalObjectRef ref = new LocalObjectRef();
    ref.setName("jwt-migrate");
    resource.getSpec().setMigrationRef(ref);
    return resource;
  }

  static DesiredService desired(String image) {
    return DesiredService.of(resource(image), NAME, Optional.empty());
  }

  static DatabaseConnection database() {
    return new DatabaseConnection(
        "demo-project",
        "asia-east1",
        "demo-project:asia-east1:db",
        "/cloudsql/demo-project:asia-east1:db",
        "jwt_db",
        "jwt_user",
        new SecretName("demo-project", "db-password"),
        "2");
  }

  /**
   * The service as Cloud Run reports it once settled: {@code template} deployed, {@code traffic}
   * realised.
   */
  static RunService settled(RevisionTemplate template, List<TrafficTarget> traffic) {
    return service(template, traffic, traffic, template.revision().orElseThrow(), 1);
  }

  /** A service whose requested traffic is not realised yet. */
  static RunService service(
      RevisionTemplate template,
      List<TrafficTarget> traffic,
      List<TrafficTarget> realised,
      String latestReady,
      long generation) {
    return new RunService(
        NAME,
        new dev.runwright.operator.gcp.run.ServiceSpec(
            Map.of(), Map.of(), dev.runwright.operator.gcp.run.Ingress.ALL, template, traffic),
        generation,
        generation,
        false,
        Optional.empty(),
        List.of(),
        template.revision(),
        Optional.ofNullable(latestReady),
        realised.stream()
            .map(
                t ->
                    new TrafficStatus(
                        t.latest(),
                        t.revision(),
                        t.percent(),
                        t.tag(),
                        t.tag().map(tag -> "https://" + tag + "---jwt.example")))
            .toList(),
        Optional.of("https://jwt.example"),
        "etag-1");
  }

  static Revision revision(String name, ConditionState state) {
    return new Revision(
        NAME.revision(name),
        Map.of(),
        Map.of(),
        1,
        state != ConditionState.SUCCEEDED,
        List.of(
            new RunCondition(
                "Ready",
                state,
                state == ConditionState.FAILED ? "container failed to start" : "",
                "",
                Optional.empty())),
        List.of("image"),
        Optional.empty(),
        Optional.empty());
  }
}
