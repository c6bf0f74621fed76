package dev.runwright.operator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IamPolicyTest {

  private static final String INVOKER = "roles/run.invoker";

  @Test
  void addingAMemberKeepsEveryOtherBindingAndTheEtag() {
    var conditional =
        new IamBinding(
            INVOKER, Set.of("user:b@example.com"), Optional.of(new IamCondition("true", "t", "")));
    var policy =
        new IamPolicy(
            3,
            List.of(IamBinding.of("roles/run.admin", Set.of("user:a@example.com")), conditional),
            "e1");

    IamPolicy changed = policy.withMember(INVOKER, "allUsers");

    assertThat(changed.grants(INVOKER, "allUsers")).isTrue();
    assertThat(changed.bindings()).contains(conditional, policy.bindings().get(0));
    assertThat(changed.etag()).isEqualTo("e1");
    assertThat(changed.version()).isEqualTo(3);
    assertThat(policy.grants(INVOKER, "user:b@example.com")).isFalse();
  }

  @Test
  void addingAnExistingMemberIsANoOpSoNothingIsWritten() {
    var policy = IamPolicy.empty().withMember(INVOKER, "allUsers");

    assertThat(policy.withMember(INVOKER, "allUsers")).isSameAs(policy);
  }

  @Test
  void removingTheLastMemberDropsTheBinding() {
    var policy =
        IamPolicy.empty().withMember(INVOKER, "allUsers").withMember(INVOKER, "user:c@example.com");

    assertThat(policy.withoutMember(INVOKER, "allUsers").bindings())
        .containsExactly(IamBinding.of(INVOKER, Set.of("user:c@example.com")));
    assertThat(
            policy
                .withoutMember(INVOKER, "allUsers")
                .withoutMember(INVOKER, "user:c@example.com")
                .bindings())
        .isEmpty();
  }
}
