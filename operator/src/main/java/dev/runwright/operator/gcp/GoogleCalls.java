package dev.runwright.operator.gcp;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every adapter call takes: client-side rate limit, the call itself, error translation
 * and a counted outcome. Keeps adapters down to request building and mapping.
 */
public final class GoogleCalls {

  private static final Logger LOG = LoggerFactory.getLogger(GoogleCalls.class);

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
      record(call, CallOutcome.of(e), 0);
      throw e;
    }
    long started = System.nanoTime();
    try {
      T result = body.call();
      record(call, CallOutcome.OK, started);
      return result;
    } catch (GoogleApiException e) {
      record(call, CallOutcome.of(e), started);
      throw e;
    } catch (Exception e) {
      GoogleApiException translated = translator.translate(call, e);
      record(call, CallOutcome.of(translated), started);
      throw translated;
    }
  }

  private void record(GoogleCall call, CallOutcome outcome, long started) {
    metrics.record(call, outcome);
    if (LOG.isDebugEnabled()) {
      long millis = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
      LOG.debug("{} -> {} in {} ms", call.describe(), outcome.label(), millis);
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
