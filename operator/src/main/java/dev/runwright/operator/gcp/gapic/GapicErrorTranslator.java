package dev.runwright.operator.gcp.gapic;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.httpjson.HttpJsonStatusRuntimeException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import dev.runwright.operator.gcp.CallKind;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.GoogleErrorBody;
import dev.runwright.operator.gcp.GoogleErrorTranslator;
import dev.runwright.operator.gcp.HttpErrorClassifier;
import dev.runwright.operator.gcp.RetryAfter;
import dev.runwright.operator.gcp.UnavailableException;
import java.time.Clock;
import java.time.Duration;
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
    String status =
        code == StatusCode.Code.ABORTED && call.kind() != CallKind.CREATE ? "ABORTED" : "";
    GoogleErrorBody body =
        new GoogleErrorBody(
            status.isEmpty() ? Optional.empty() : Optional.of(status),
            Optional.of(code + " " + firstLine(api.getMessage())),
            java.util.List.of());
    return HttpErrorClassifier.classify(call, http, body, Optional.empty(), api);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
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
