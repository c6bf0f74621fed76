package dev.runwright.operator.gcp.gapic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.httpjson.HttpJsonStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.api.gax.rpc.StatusCode;
import dev.runwright.operator.gcp.AlreadyExistsException;
import dev.runwright.operator.gcp.CallKind;
import dev.runwright.operator.gcp.ConflictException;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleApiException;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.NotFoundException;
import dev.runwright.operator.gcp.RateLimitedException;
import dev.runwright.operator.gcp.UnavailableException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Exceptions that carry only a canonical code, without the HTTP response behind them. */
class GapicErrorTranslatorTest {

  private final GapicErrorTranslator translator = new GapicErrorTranslator(Clock.systemUTC());

  private GoogleApiException translate(CallKind kind, StatusCode.Code code) {
    var failure =
        ApiExceptionFactory.createException(
            new RuntimeException("boom\nsecond line"), HttpJsonStatusCode.of(code), false);
    return translator.translate(GoogleCall.of(GoogleApi.CLOUD_RUN, "m", kind), failure);
  }

  @Test
  void readsTheCanonicalCode() {
    assertThat(translate(CallKind.READ, StatusCode.Code.NOT_FOUND))
        .isInstanceOf(NotFoundException.class);
    assertThat(translate(CallKind.CREATE, StatusCode.Code.ABORTED))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(translate(CallKind.WRITE, StatusCode.Code.ABORTED))
        .isInstanceOf(ConflictException.class);
    assertThat(translate(CallKind.READ, StatusCode.Code.RESOURCE_EXHAUSTED))
        .isInstanceOf(RateLimitedException.class);
    assertThat(translate(CallKind.READ, StatusCode.Code.DEADLINE_EXCEEDED))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("Cloud Run m: 504 DEADLINE_EXCEEDED: (no error message in the response)");
  }

  @Test
  void anythingElseIsAnUnreadableAnswer() {
    var failure = new IllegalStateException("parse error near {\"payload\":\"c2VjcmV0\"}");

    assertThat(
            translator.translate(
                GoogleCall.of(GoogleApi.SECRET_MANAGER, "m", CallKind.READ), failure))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("Secret Manager m: unreadable or missing response (IllegalStateException)");
  }
}
