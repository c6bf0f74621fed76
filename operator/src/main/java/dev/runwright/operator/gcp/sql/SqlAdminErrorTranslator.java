package dev.runwright.operator.gcp.sql;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.GoogleErrorBody;
import dev.runwright.operator.gcp.GoogleErrorTranslator;
import dev.runwright.operator.gcp.HttpErrorClassifier;
import dev.runwright.operator.gcp.RetryAfter;
import dev.runwright.operator.gcp.UnavailableException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates exceptions of the discovery-based SQL Admin client. It retries nothing itself, so
 * every 429/5xx surfaces here and is left to the reconcile loop's backoff.
 */
public final class SqlAdminErrorTranslator implements GoogleErrorTranslator {

  private final Clock clock;

  public SqlAdminErrorTranslator(Clock clock) {
    this.clock = clock;
  }

  // The client parses Google's error JSON into details and leaves no content behind.
  private static GoogleErrorBody body(HttpResponseException response) {
    if (response instanceof GoogleJsonResponseException json && json.getDetails() != null) {
      GoogleJsonError details = json.getDetails();
      return new GoogleErrorBody(
          Optional.ofNullable(details.get("status")).map(Object::toString),
          Optional.ofNullable(details.getMessage()),
          details.getErrors() == null
              ? List.of()
              : details.getErrors().stream()
                  .map(GoogleJsonError.ErrorInfo::getReason)
                  .filter(Objects::nonNull)
                  .toList());
    }
    return GoogleErrorBody.parse(response.getContent());
  }

  @Override
  public GoogleApiException translate(GoogleCall call, Exception failure) {
    if (failure instanceof HttpResponseException response) {
      return HttpErrorClassifier.classify(
          call,
          response.getStatusCode(),
          body(response),
          RetryAfter.parse(
              response.getHeaders().getFirstHeaderStringValue("Retry-After"), clock.instant()),
          failure);
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return new UnavailableException(call, "no response within the deadline", failure);
      }
    }
    // A dropped connection or a body the client could not parse; its message may quote the body.
    return new UnavailableException(
        call, "no readable response (" + failure.getClass().getSimpleName() + ")", failure);
  }
}
