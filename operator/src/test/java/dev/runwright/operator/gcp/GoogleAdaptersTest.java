package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.config.OperatorConfigReader;
import dev.runwright.operator.gcp.run.ServiceName;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The composition from configuration: one endpoint override sends all three APIs there, without
 * credentials.
 */
class GoogleAdaptersTest {

  @Test
  void anEndpointOverrideReachesAllThreeApisWithoutCredentials() throws Exception {
    try (MockWebServer server = WireResponses.startLoopback()) {
      var config =
          OperatorConfigReader.read(
              List.of("--google-endpoint=" + WireResponses.baseUrl(server)), Map.of());
      var registry = new SimpleMeterRegistry();
      for (int i = 0; i < 3; i++) {
        server.enqueue(WireResponses.error(404, "NOT_FOUND", "not found"));
      }

      try (var adapters = GoogleAdapters.create(config, registry)) {
        assertThat(adapters.cloudRun().findService(new ServiceName("p-1", "europe-west1", "auth")))
            .isEmpty();
        assertThat(adapters.sqlAdmin().findInstance(new SqlInstanceName("p-1", "main"))).isEmpty();
        assertThat(adapters.secrets().findSecret(new SecretName("p-1", "db"))).isEmpty();
      }

      for (String path :
          List.of(
              "/v2/projects/p-1/locations/europe-west1/services/auth",
              "/v1/projects/p-1/instances/main",
              "/v1/projects/p-1/secrets/db")) {
        RecordedRequest request = WireResponses.take(server);
        assertThat(request.getUrl().encodedPath()).isEqualTo(path);
        assertThat(request.getHeaders().get("Authorization")).isNull();
      }
      assertThat(registry.find(GoogleCallMetrics.CALLS).tag("outcome", "not_found").counters())
          .hasSize(3);
    }
  }
}
