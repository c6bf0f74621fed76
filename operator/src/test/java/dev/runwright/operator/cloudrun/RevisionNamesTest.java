package dev.runwright.operator.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.common.EnvVar;
import dev.runwright.operator.gcp.run.RevisionTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisionNamesTest {

  @Test
  void theSameSpecAlwaysNamesTheSameRevision() {
    assertThat(Fixtures.desired("r/jwt:1.0.0").revision())
        .isEqualTo(Fixtures.desired("r/jwt:1.0.0").revision())
        .matches("jwt-[0-9a-f]{10}");
  }

  @Test
  void anyTemplateChangeNamesANewRevision() {
    var base = Fixtures.resource("r/jwt:1.0.0");
    String original = DesiredService.of(base, Fixtures.NAME, Optional.empty()).revision();

    var otherImage = Fixtures.resource("r/jwt:1.0.1");
    var withEnv = Fixtures.resource("r/jwt:1.0.0");
    EnvVar env = new EnvVar();
    env.setName("JWT_ISSUER");
    env.setValue("https://a");
    withEnv.getSpec().setEnv(List.of(env));
    var otherRelease = Fixtures.resource("r/jwt:1.0.0");
    otherRelease.getSpec().setRelease("1.0.0-b");
    var otherConcurrency = Fixtures.resource("r/jwt:1.0.0");
    otherConcurrency.getSpec().setConcurrency(10);

    assertThat(
            List.of(otherImage, withEnv, otherRelease, otherConcurrency).stream()
                .map(r -> DesiredService.of(r, Fixtures.NAME, Optional.empty()).revision())
                .distinct())
        .hasSize(4)
        .doesNotContain(original);
    assertThat(DesiredService.of(base, Fixtures.NAME, Optional.of(Fixtures.database())).revision())
        .isNotEqualTo(original);
  }

  @Test
  void mapOrderDoesNotChangeTheName() {
    RevisionTemplate a = Fixtures.desired("r/jwt:1").template();
    RevisionTemplate reordered =
        new RevisionTemplate(
            Optional.empty(),
            Map.of("b", "2", "a", "1"),
            a.annotations(),
            a.serviceAccount(),
            a.scaling(),
            a.timeout(),
            a.maxInstanceRequestConcurrency(),
            a.containers(),
            a.volumes());
    RevisionTemplate same =
        new RevisionTemplate(
            Optional.of("ignored"),
            Map.of("a", "1", "b", "2"),
            a.annotations(),
            a.serviceAccount(),
            a.scaling(),
            a.timeout(),
            a.maxInstanceRequestConcurrency(),
            a.containers(),
            a.volumes());
    assertThat(RevisionNames.of("jwt", reordered)).isEqualTo(RevisionNames.of("jwt", same));
  }

  @Test
  void theLongestServiceNameStillGivesADnsLabel() {
    String service = "s".repeat(49);
    String name = RevisionNames.of(service, Fixtures.desired("r/jwt:1").template());
    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
  }
}
