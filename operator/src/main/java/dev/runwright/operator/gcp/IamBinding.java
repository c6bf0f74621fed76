package dev.runwright.operator.gcp;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Members granted a role, e.g. {@code roles/run.invoker} to {@code allUsers}. */
public record IamBinding(String role, Set<String> members, Optional<IamCondition> condition) {
  public IamBinding {
    Objects.requireNonNull(role, "role");
    members = Set.copyOf(members);
    Objects.requireNonNull(condition, "condition");
  }

  public static IamBinding of(String role, Set<String> members) {
    return new IamBinding(role, members, Optional.empty());
  }
}
