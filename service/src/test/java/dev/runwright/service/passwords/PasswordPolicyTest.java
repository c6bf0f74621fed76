package dev.runwright.service.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private final PasswordPolicy policy = PasswordPolicy.withBundledList();

  @Test
  void shipsAListOfCommonPasswords() {
    assertThat(policy.size()).isGreaterThan(3000);
  }

  @Test
  void rules() {
    assertThat(policy.check("alice", "short"))
        .hasValueSatisfying(m -> assertThat(m).contains("at least 8"));
    assertThat(policy.check("alice", "x".repeat(129)))
        .hasValueSatisfying(m -> assertThat(m).contains("at most 128"));
    assertThat(policy.check("alice", "x".repeat(128))).isEmpty();
    assertThat(policy.check("alice", "PassWord1"))
        .hasValueSatisfying(m -> assertThat(m).contains("too common"));
    assertThat(policy.check("alice", "iloveyou")).isPresent();
    assertThat(policy.check("longusername", "LongUserName"))
        .hasValueSatisfying(m -> assertThat(m).contains("username"));
    assertThat(policy.check("alice", "correct horse battery")).isEmpty();
    // Length counts characters, not UTF-16 units or bytes.
    assertThat(policy.check("alice", "\uD83D\uDD11".repeat(8))).isEmpty();
  }
}
