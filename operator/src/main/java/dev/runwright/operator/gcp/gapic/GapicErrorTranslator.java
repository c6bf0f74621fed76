package dev.runwright.operator.gcp.gapic;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.httpjson.HttpJsonStatusRuntimeException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.GoogleErrorBody;
import dev.runwright.operator.gcp.GoogleErrorTranslator;
import dev.runwright.operator.gcp.HttpErrorClassifier;
import dev.runwright.operator.gcp.RetryAfter;
import dev.runwright.operator.gcp.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Translates exceptions of the GAPIC REST clients (Cloud Run, Secret Manager). They pick their
 * exception class from the HTTP status alone, so the translation goes back to the HTTP response
 * (status, Google's error body, {@code Retry-After}) wherever the cause chain still has it.
 */
public final class GapicErrorTranslator implements GoogleErrorTranslator {

  private final Clock clock;

  public GapicErrorTranslator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public GoogleApiException translate(GoogleCall call, Exception failure) {
    HttpResponseException response = find(failure, HttpResponseException.class);
    if (response != null) {
      Optional<Duration> retryAfter =
          RetryAfter.parse(
              response.getHeaders().getFirstHeaderStringValue("Retry-After"), clock.instant());
      return HttpErrorClassifier.classify(
          call,
          response.getStatusCode(),
          GoogleErrorBody.parse(response.getContent()),
          retryAfter,
          failure);
    }
    HttpJsonStatusRuntimeException status = find(failure, HttpJsonStatusRuntimeException.class);
    if (status != null) {
      // Without an HTTP response in the chain the client failed on its own: no answer in time, a
      // dropped
      // connection or a body it could not parse. Its message may quote the body, so it is not
      // repeated.
      return new UnavailableException(
          call,
          status.getStatusCode() == 504
              ? "no response within the deadline"
              : "no readable response (client status " + status.getStatusCode() + ")",
          failure);
    }
    ApiException api = find(failure, ApiException.class);
    if (api != null) {
      return fromCode(call, api);
    }
    return new UnavailableException(
        call,
        "unreadable or missing response (" + failure.getClass().getSimpleName() + ")",
        failure);
  }

  // Without the HTTP response only the canonical code is left; it is read as its HTTP equivalent.
  private static GoogleApiException fromCode(GoogleCall call, ApiException api) {
    StatusCode.Code code = api.getStatusCode().getCode();
    int http =
        switch (code) {
          case NOT_FOUND -> 404;
          case ALREADY_EXISTS, ABORTED -> 409;
          case RESOURCE_EXHAUSTED -> 429;
          case PERMISSION_DENIED -> 403;
          case UNAUTHENTICATED -> 401;
          case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
          case UNIMPLEMENTED -> 501;
          case DEADLINE_EXCEEDED -> 504;
          default -> 503;
        };
    // ABORTED is left unnamed so that, as with a bare 409, a create reads it as "already exists".
    // The client's
    // message is not repeated: it may quote a response body.
    var body =
        new GoogleErrorBody(
            Optional.of(code.name()).filter(name -> code != StatusCode.Code.ABORTED),
            Optional.empty(),
            List.of());
    return HttpErrorClassifier.classify(call, http, body, Optional.empty(), api);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
