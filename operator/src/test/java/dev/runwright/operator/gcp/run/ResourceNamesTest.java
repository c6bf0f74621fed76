package dev.runwright.operator.gcp.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.gcp.LocationName;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretVersionName;
import dev.runwright.operator.gcp.sql.SqlDatabaseName;
import dev.runwright.operator.gcp.sql.SqlInstanceName;
import dev.runwright.operator.gcp.sql.SqlOperationName;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceNamesTest {

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(
            "projects/p-1/locations/europe-west1", (Function<String, Object>) LocationName::parse),
        Arguments.of(
            "projects/p-1/locations/europe-west1/services/auth",
            (Function<String, Object>) ServiceName::parse),
        Arguments.of(
            "projects/p-1/locations/europe-west1/services/auth/revisions/auth-1a2b",
            (Function<String, Object>) RevisionName::parse),
        Arguments.of(
            "projects/p-1/locations/europe-west1/jobs/migrate",
            (Function<String, Object>) JobName::parse),
        Arguments.of(
            "projects/p-1/locations/europe-west1/jobs/migrate/executions/migrate-x7k2p",
            (Function<String, Object>) ExecutionName::parse),
        Arguments.of(
            "projects/p-1/locations/europe-west1/operations/0f1e-2d3c",
            (Function<String, Object>) RunOperationName::parse),
        Arguments.of(
            "projects/123456/secrets/db-password", (Function<String, Object>) SecretName::parse),
        Arguments.of(
            "projects/123456/secrets/db-password/versions/4",
            (Function<String, Object>) SecretVersionName::parse),
        Arguments.of(
            "projects/p-1/instances/main", (Function<String, Object>) SqlInstanceName::parse),
        Arguments.of(
            "projects/p-1/instances/main/databases/auth",
            (Function<String, Object>) SqlDatabaseName::parse),
        Arguments.of(
            "projects/p-1/operations/0a1b-op", (Function<String, Object>) SqlOperationName::parse));
  }

  @ParameterizedTest
  @MethodSource("names")
  void parsesAndPrintsTheSameName(String name, Function<String, Object> parse) {
    assertThat(parse.apply(name).toString()).isEqualTo(name);
  }

  @ParameterizedTest
  @MethodSource("names")
  void refusesOtherShapes(String name, Function<String, Object> parse) {
    assertThatThrownBy(() -> parse.apply(name + "/extra"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse.apply(name.replace("projects/", "project/")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void refusesSegmentsThatCouldEscapeTheirPlace() {
    assertThatThrownBy(() -> new ServiceName("p-1", "europe-west1", "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServiceName("p-1", "", "auth"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobName("p-1", "europe-west1", ".."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
