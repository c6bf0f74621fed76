package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorClassifierTest {

  private static GoogleApiException classify(CallKind kind, int status, String body) {
    return HttpErrorClassifier.classify(
        GoogleCall.of(GoogleApi.CLOUD_RUN, "m", kind),
        status,
        GoogleErrorBody.parse(body),
        Optional.of(Duration.ofSeconds(5)),
        null);
  }

  private static String body(String status, String reason) {
    return "{\"error\":{\"code\":0,\"message\":\"msg\""
        + (status.isEmpty() ? "" : ",\"status\":\"" + status + "\"")
        + (reason.isEmpty() ? "" : ",\"errors\":[{\"reason\":\"" + reason + "\"}]")
        + "}}";
  }

  @ParameterizedTest(name = "{0} {1} {2}/{3} -> {4}")
  @CsvSource({
    "READ, 404, NOT_FOUND, '', NotFoundException",
    "CREATE, 409, ALREADY_EXISTS, '', AlreadyExistsException",
    "CREATE, 409, '', '', AlreadyExistsException",
    "CREATE, 409, ABORTED, '', ConflictException",
    "WRITE, 409, '', '', ConflictException",
    "WRITE, 409, ABORTED, '', ConflictException",
    "WRITE, 409, ALREADY_EXISTS, '', AlreadyExistsException",
    "CREATE, 409, '', instanceAlreadyExists, AlreadyExistsException",
    "WRITE, 409, '', operationInProgress, ConflictException",
    "WRITE, 412, FAILED_PRECONDITION, '', ConflictException",
    "READ, 429, RESOURCE_EXHAUSTED, '', RateLimitedException",
    "READ, 403, '', rateLimitExceeded, RateLimitedException",
    "READ, 403, PERMISSION_DENIED, '', PermissionDeniedException",
    "READ, 401, UNAUTHENTICATED, '', PermissionDeniedException",
    "WRITE, 400, INVALID_ARGUMENT, '', InvalidRequestException",
    "WRITE, 400, FAILED_PRECONDITION, '', InvalidRequestException",
    "READ, 408, '', '', UnavailableException",
    "READ, 500, INTERNAL, '', UnavailableException",
    "READ, 502, '', '', UnavailableException",
    "READ, 503, UNAVAILABLE, '', UnavailableException",
    "READ, 504, DEADLINE_EXCEEDED, '', UnavailableException"
  })
  void mapsStatusBodyAndCallKind(
      CallKind kind, int status, String bodyStatus, String reason, String expected) {
    assertThat(classify(kind, status, body(bodyStatus, reason)).getClass().getSimpleName())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"NotFoundException,false", "ConflictException,true", "UnavailableException,true"})
  void transientFailuresAreTheRetryableOnes(String type, boolean expectedTransient) {
    int status =
        switch (type) {
          case "NotFoundException" -> 404;
          case "ConflictException" -> 412;
          default -> 503;
        };
    GoogleApiException e = classify(CallKind.READ, status, "");
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.isTransient()).isEqualTo(expectedTransient);
  }

  @ParameterizedTest
  @CsvSource({"''", "not json", "'{\"error\":\"flat string\"}'", "'[1,2]'"})
  void anUnreadableBodyFallsBackToTheStatus(String body) {
    GoogleApiException e = classify(CallKind.READ, 404, body);

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage()).isEqualTo("Cloud Run m: 404: (no error message in the response)");
    assertThat(GoogleErrorBody.parse(body).reasons()).isEqualTo(List.of());
  }

  @ParameterizedTest
  @CsvSource({
    "17, PT17S",
    "'Thu, 01 Jan 2026 00:00:30 GMT', PT30S",
    "'Wed, 31 Dec 2025 00:00:00 GMT', PT0S"
  })
  void readsRetryAfter(String header, String expected) {
    assertThat(RetryAfter.parse(header, java.time.Instant.parse("2026-01-01T00:00:00Z")))
        .contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"''", "soon", "-1"})
  void ignoresUnreadableRetryAfter(String header) {
    assertThat(RetryAfter.parse(header, java.time.Instant.now())).isEmpty();
  }
}
