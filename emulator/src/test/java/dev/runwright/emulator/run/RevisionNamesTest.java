package dev.runwright.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RevisionNamesTest {
  private final RevisionNames names = new RevisionNames();

  @Test
  void generatedNamesFollowCloudRun() {
    assertThat(names.generate("hello", 7)).matches("hello-00007-[a-z0-9]{3}");
    assertThat(names.execution("migrate")).matches("migrate-[a-z0-9]{5}");
  }

  @Test
  void customNamesNeedTheServicePrefixAndADnsLabel() {
    assertThatCode(() -> RevisionNames.checkCustom("api", "api-3f2a9c")).doesNotThrowAnyException();
    assertThatThrownBy(() -> RevisionNames.checkCustom("api", "web-3f2a9c"))
        .hasMessageContaining("prefixed");
    assertThatThrownBy(() -> RevisionNames.checkCustom("api", "api-UPPER"))
        .hasMessageContaining("DNS label");
    assertThatThrownBy(() -> RevisionNames.checkCustom("api", "api-" + "x".repeat(60)))
        .hasMessageContaining("DNS label");
  }

  @Test
  void resourceIdsAreCheckedForLength() {
    assertThatCode(() -> RevisionNames.checkResourceId("service_id", "a".repeat(49), 49))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> RevisionNames.checkResourceId("service_id", "a".repeat(50), 49))
        .hasMessageContaining("at most 49");
    assertThatThrownBy(() -> RevisionNames.checkResourceId("service_id", "1abc", 49))
        .hasMessageContaining("start with a letter");
  }
}
