package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedOperationsTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void retriesStartAfterAMinuteAndDoubleUpToTheResyncInterval() {
    assertThat(FailedOperations.retryDelay(1, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(1));
    assertThat(FailedOperations.retryDelay(2, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(2));
    assertThat(FailedOperations.retryDelay(3, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(4));
    assertThat(FailedOperations.retryDelay(4, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(8));
    assertThat(FailedOperations.retryDelay(5, TEN_MINUTES)).isEqualTo(TEN_MINUTES);
    assertThat(FailedOperations.retryDelay(Integer.MAX_VALUE, TEN_MINUTES)).isEqualTo(TEN_MINUTES);
  }

  @Test
  void aResyncShorterThanAMinuteIsTheRetryInterval() {
    assertThat(FailedOperations.retryDelay(1, Duration.ofSeconds(30)))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void failuresAtOneGenerationCountUpAndANewGenerationOrSuccessStartsAgain() {
    var failures = new FailedOperations();
    var resource = resource("uid-1", 3);

    assertThat(failures.failed(resource, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(1));
    assertThat(failures.failed(resource, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(2));
    assertThat(failures.failed(resource, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(4));
    assertThat(failures.failed(resource("uid-2", 3), TEN_MINUTES)).isEqualTo(Duration.ofMinutes(1));

    assertThat(failures.failed(resource("uid-1", 4), TEN_MINUTES)).isEqualTo(Duration.ofMinutes(1));
    failures.forget(resource);
    assertThat(failures.failed(resource, TEN_MINUTES)).isEqualTo(Duration.ofMinutes(1));
  }

  private static CloudSqlDatabase resource(String uid, long generation) {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withName("db")
            .withNamespace("team")
            .withUid(uid)
            .withGeneration(generation)
            .build());
    return resource;
  }
}
