package dev.runwright.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runwright.emulator.Emulator;
import dev.runwright.emulator.EmulatorConfig;
import dev.runwright.testsupport.TestNamespace;
import dev.runwright.testsupport.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The composition root on a real apiserver: it takes the Lease, serves health and Prometheus
 * metrics (JOSDK's and the Google call counters), and stops cleanly so it can start again.
 */
@WithKubeApiServer
class RunwrightOperatorIT {

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Test
  void startsLeadsServesMetricsAndStops(KubernetesClient client, TestNamespace namespace)
      throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorConfig.defaults());
        OperatorUnderTest operator =
            new OperatorUnderTest(OperatorUnderTest.config(emulator, namespace.name()), client)) {
      operator.start();
      int port = operator.running().managementPort();

      assertThat(get(port, "/healthz")).startsWith("200");
      await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/readyz").startsWith("200"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                Lease lease =
                    client
                        .leases()
                        .inNamespace(namespace.name())
                        .withName("runwright-operator")
                        .get();
                return lease != null && lease.getSpec().getHolderIdentity() != null;
              });
      String metrics = get(port, "/metrics");
      assertThat(metrics).startsWith("200").contains("operator_sdk");

      operator.stop();
      assertThat(operator.running()).isNull();
    }
  }
}
