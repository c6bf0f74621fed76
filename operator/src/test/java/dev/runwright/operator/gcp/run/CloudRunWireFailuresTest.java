package dev.runwright.operator.gcp.run;

import static dev.runwright.operator.gcp.WireResponses.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.gcp.CallOutcome;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.InvalidRequestException;
import dev.runwright.operator.gcp.PermissionDeniedException;
import dev.runwright.operator.gcp.RateLimitedException;
import dev.runwright.operator.gcp.TestCalls;
import dev.runwright.operator.gcp.UnavailableException;
import dev.runwright.operator.gcp.WireResponses;
import dev.runwright.operator.gcp.gapic.GapicErrorTranslator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the GAPIC REST adapter (Cloud Run; Secret Manager shares the translation) reads failures on
 * the wire: each error status, 429 with Retry-After, unreadable bodies, slow responses and dropped
 * connections. Each failure is one request: retrying is left to the reconcile loop's backoff.
 */
class CloudRunWireFailuresTest {

  private static final ServiceName SERVICE = new ServiceName("proj-1", "europe-west1", "auth");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private MockWebServer server;
  private TestCalls testCalls;
  private CloudRunAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    server = WireResponses.startLoopback();
    testCalls = new TestCalls(new GapicErrorTranslator(Clock.fixed(NOW, ZoneOffset.UTC)));
    adapter =
        CloudRunAdapter.create(
            Optional.of(URI.create(WireResponses.baseUrl(server))),
            Duration.ofMillis(700),
            testCalls.calls);
  }

  @AfterEach
  void stop() {
    adapter.close();
    server.close();
  }

  private GoogleApiException failureOf(MockResponse response) {
    server.enqueue(response);
    try {
      adapter.findService(SERVICE);
    } catch (GoogleApiException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  @Test
  void quotaErrorsCarryRetryAfterInSecondsOrAsADate() {
    var seconds = failureOf(WireResponses.rateLimited("17"));
    var date = failureOf(WireResponses.rateLimited("Thu, 01 Jan 2026 00:01:00 GMT"));

    assertThat(seconds)
        .isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("Quota exceeded");
    assertThat(((RateLimitedException) seconds).retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(((RateLimitedException) seconds).clientSide()).isFalse();
    assertThat(((RateLimitedException) date).retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(seconds.isTransient()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(testCalls.count(GoogleApi.CLOUD_RUN, "getService", CallOutcome.RATE_LIMITED))
        .isEqualTo(2);
  }

  @Test
  void quotaErrorWithoutRetryAfterHasNoHint() {
    var failure = failureOf(error(429, "RESOURCE_EXHAUSTED", "Too many requests"));

    assertThat(((RateLimitedException) failure).retryAfter()).isEmpty();
  }

  @Test
  void serverErrorsAreTransientAndNotRetriedByTheClient() {
    assertThat(failureOf(error(503, "UNAVAILABLE", "The service is currently unavailable.")))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("Cloud Run getService: 503 UNAVAILABLE: The service is currently unavailable.");
    assertThat(failureOf(error(500, "INTERNAL", "Internal error")))
        .isInstanceOf(UnavailableException.class);
    assertThat(failureOf(error(504, "DEADLINE_EXCEEDED", "Deadline")))
        .isInstanceOf(UnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void invalidRequestsArePermanentWithGooglesMessage() {
    var failure =
        failureOf(
            error(400, "INVALID_ARGUMENT", "spec.template.containers[0].image: image must be set"));

    assertThat(failure)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("spec.template.containers[0].image: image must be set");
    assertThat(failure.isTransient()).isFalse();
    assertThat(failureOf(error(400, "FAILED_PRECONDITION", "precondition")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void permissionErrorsSayWhoMayNot() {
    assertThat(failureOf(error(403, "PERMISSION_DENIED", "Permission 'run.services.get' denied")))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("run.services.get");
    assertThat(failureOf(error(401, "UNAUTHENTICATED", "Request had invalid credentials")))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void errorBodiesThatAreNotGooglesJsonStillClassifyByStatus() {
    var html =
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body("<html><body>Bad Gateway</body></html>")
            .build();

    assertThat(failureOf(html))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("Cloud Run getService: 502: (no error message in the response)");
  }

  @Test
  void malformedJsonInASuccessfulResponseIsTransientAndNotQuoted() {
    assertThat(failureOf(WireResponses.ok("{\"name\": \"projects/proj-1/loc")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageStartingWith("Cloud Run getService: no readable response")
        .hasMessageNotContaining("proj-1/loc");
    assertThat(testCalls.count(GoogleApi.CLOUD_RUN, "getService", CallOutcome.UNAVAILABLE))
        .isEqualTo(1);
  }

  @Test
  void aSlowResponseTimesOutAtTheConfiguredDeadline() {
    long started = System.nanoTime();

    assertThat(failureOf(WireResponses.slow(3_000, "{}")))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("Cloud Run getService: no response within the deadline");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void aDroppedConnectionIsTransientAndFailsFast() {
    // The JDK's HTTP transport resends an idempotent GET once when the connection drops, so both
    // attempts drop.
    server.enqueue(WireResponses.dropConnection());
    long started = System.nanoTime();

    assertThat(failureOf(WireResponses.dropConnection())).isInstanceOf(UnavailableException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(600));
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(2);
  }

  @Test
  void theNextCallWorksAfterAFailure() {
    server.enqueue(WireResponses.dropConnection());
    failureOf(WireResponses.dropConnection());
    server.enqueue(error(404, "NOT_FOUND", "not found"));

    assertThat(adapter.findService(SERVICE)).isEmpty();
  }
}
