package dev.runwright.operator.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ManagementServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthIsAlwaysOkAndReadinessFollowsTheOperator() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (ManagementServer server =
        ManagementServer.start(0, ready::get, () -> "runwright_up 1\n")) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);

      ready.set(true);

      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void servesPrometheusText() throws Exception {
    try (ManagementServer server =
        ManagementServer.start(0, () -> true, () -> "runwright_up 1\n")) {
      HttpResponse<String> metrics = get(server, "/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(metrics.body()).isEqualTo("runwright_up 1\n");
    }
  }

  @Test
  void refusesWrites() throws Exception {
    try (ManagementServer server = ManagementServer.start(0, () -> true, () -> "")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri(server, "/readyz"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(405);
    }
  }

  private HttpResponse<String> get(ManagementServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(ManagementServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
