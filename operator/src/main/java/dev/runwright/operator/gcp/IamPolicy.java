package dev.runwright.operator.gcp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An IAM policy as read from a resource, changed with pure functions and written back with its etag
 * (a stale etag makes the write fail with a conflict, so nobody's concurrent grant is lost).
 *
 * @param version the policy format version (3 when a binding has a condition)
 * @param etag opaque; empty on a policy never written
 */
public record IamPolicy(int version, List<IamBinding> bindings, String etag) {

  public IamPolicy {
    bindings = List.copyOf(bindings);
    Objects.requireNonNull(etag, "etag");
  }

  public static IamPolicy empty() {
    return new IamPolicy(0, List.of(), "");
  }

  /** Whether {@code member} holds {@code role} without a condition. */
  public boolean grants(String role, String member) {
    return bindings.stream()
        .anyMatch(
            b -> b.role().equals(role) && b.condition().isEmpty() && b.members().contains(member));
  }

  /**
   * This policy with {@code member} holding {@code role} unconditionally; the same policy if it
   * already does.
   */
  public IamPolicy withMember(String role, String member) {
    if (grants(role, member)) {
      return this;
    }
    List<IamBinding> changed = new ArrayList<>();
    boolean added = false;
    for (IamBinding binding : bindings) {
      if (!added && binding.role().equals(role) && binding.condition().isEmpty()) {
        Set<String> members = new HashSet<>(binding.members());
        members.add(member);
        changed.add(new IamBinding(role, members, binding.condition()));
        added = true;
      } else {
        changed.add(binding);
      }
    }
    if (!added) {
      changed.add(IamBinding.of(role, Set.of(member)));
    }
    return new IamPolicy(version, changed, etag);
  }

  /**
   * This policy without {@code member}'s unconditional grant of {@code role}; empty bindings are
   * dropped.
   */
  public IamPolicy withoutMember(String role, String member) {
    if (!grants(role, member)) {
      return this;
    }
    List<IamBinding> changed = new ArrayList<>();
    for (IamBinding binding : bindings) {
      if (binding.role().equals(role) && binding.condition().isEmpty()) {
        Set<String> members = new HashSet<>(binding.members());
        members.remove(member);
        if (!members.isEmpty()) {
          changed.add(new IamBinding(role, members, binding.condition()));
        }
      } else {
        changed.add(binding);
      }
    }
    return new IamPolicy(version, changed, etag);
  }
}
