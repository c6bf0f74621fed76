package dev.runwright.operator.gcp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;

/** {@link GoogleCalls} without rate limit, with metrics to assert on. */
public final class TestCalls {

  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final GoogleCalls calls;

  public TestCalls(GoogleErrorTranslator translator) {
    this.calls =
        new GoogleCalls(ClientRateLimiter.unlimited(), translator, new GoogleCallMetrics(registry));
  }

  /** How often {@code method} of {@code api} ended with {@code outcome}. */
  public double count(GoogleApi api, String method, CallOutcome outcome) {
    return Optional.ofNullable(
            registry
                .find(GoogleCallMetrics.CALLS)
                .tags("api", api.label(), "method", method, "outcome", outcome.label())
                .counter())
        .map(c -> c.count())
        .orElse(0.0);
  }
}
