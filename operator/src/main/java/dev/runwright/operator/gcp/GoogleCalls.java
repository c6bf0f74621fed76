package dev.runwright.operator.gcp;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The one path every adapter call takes: client-side rate limit, the call itself, error translation
 * and a counted outcome. Keeps adapters down to request building and mapping.
 */
public final class GoogleCalls {

  private final ClientRateLimiter limiter;
  private final GoogleErrorTranslator translator;
  private final GoogleCallMetrics metrics;

  public GoogleCalls(
      ClientRateLimiter limiter, GoogleErrorTranslator translator, GoogleCallMetrics metrics) {
    this.limiter = limiter;
    this.translator = translator;
    this.metrics = metrics;
  }

  /**
   * Runs {@code body} as {@code call}.
   *
   * @throws GoogleApiException for every failure, translated
   */
  public <T> T run(GoogleCall call, Callable<T> body) {
    try {
      limiter.acquire(call);
    } catch (GoogleApiException e) {
      metrics.record(call, CallOutcome.of(e));
      throw e;
    }
    try {
      T result = body.call();
      metrics.record(call, CallOutcome.OK);
      return result;
    } catch (GoogleApiException e) {
      metrics.record(call, CallOutcome.of(e));
      throw e;
    } catch (Exception e) {
      GoogleApiException translated = translator.translate(call, e);
      metrics.record(call, CallOutcome.of(translated));
      throw translated;
    }
  }

  /** Runs a read whose "not found" is an answer, not a failure. */
  public <T> Optional<T> find(GoogleCall call, Callable<T> body) {
    try {
      return Optional.of(run(call, body));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Runs {@code body} as {@code call}, for calls with no result. */
  public void runVoid(GoogleCall call, VoidCall body) {
    run(
        call,
        () -> {
          body.call();
          return null;
        });
  }

  /** A call with no result. */
  @FunctionalInterface
  public interface VoidCall {
    void call() throws Exception;
  }
}
