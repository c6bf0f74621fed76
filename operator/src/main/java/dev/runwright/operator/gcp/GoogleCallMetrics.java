package dev.runwright.operator.gcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts Google calls by API, method and outcome ({@code runwright_google_calls_total} in
 * Prometheus), so quota use and error rates are visible per call.
 */
public final class GoogleCallMetrics {

  public static final String CALLS = "runwright.google.calls";

  private final MeterRegistry registry;

  public GoogleCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(GoogleCall call, CallOutcome outcome) {
    Counter.builder(CALLS)
        .description("Calls to Google APIs by API, method and outcome")
        .tag("api", call.api().label())
        .tag("method", call.method())
        .tag("outcome", outcome.label())
        .register(registry)
        .increment();
  }
}
