package dev.runwright.helm;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The RBAC rules a chart release grants, each with the namespace it holds in (empty: every
 * namespace), and the API calls they allow.
 */
final class GrantedRules {
  /** One verb on one resource of one group, in a namespace or everywhere, maybe for some names. */
  record Grant(
      String namespace, String apiGroup, String resource, String verb, List<String> names) {
    boolean allows(ApiCall call) {
      return (namespace.isEmpty() || namespace.equals(call.namespace()))
          && apiGroup.equals(call.apiGroup())
          && resource.equals(call.resource())
          && verb.equals(call.verb())
          // A create carries no name in its URL: rules limited to names never allow it.
          && (names.isEmpty() || (!call.verb().equals("create") && names.contains(call.name())));
    }

    @Override
    public String toString() {
      return verb
          + " "
          + apiGroup
          + "/"
          + resource
          + (names.isEmpty() ? "" : " " + names)
          + (namespace.isEmpty() ? " (cluster-wide)" : " in " + namespace);
    }
  }

  private static final Set<String> BASIC_USER =
      Set.of(
          "authorization.k8s.io/selfsubjectaccessreviews:create",
          "authorization.k8s.io/selfsubjectrulesreviews:create",
          "authentication.k8s.io/selfsubjectreviews:create");

  private final List<Grant> grants;

  private GrantedRules(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  static GrantedRules of(RenderedChart chart) {
    List<Grant> grants = new ArrayList<>();
    for (ClusterRole role : chart.all(ClusterRole.class)) {
      add(grants, "", role.getRules());
    }
    for (Role role : chart.all(Role.class)) {
      add(grants, role.getMetadata().getNamespace(), role.getRules());
    }
    return new GrantedRules(grants);
  }

  List<Grant> grants() {
    return grants;
  }

  /**
   * Whether the release's rules allow {@code call}, or Kubernetes allows it to everyone
   * authenticated (the built-in {@code system:basic-user} role: a client asking what it may do, as
   * JOSDK does at start-up).
   */
  boolean allows(ApiCall call) {
    return BASIC_USER.contains(call.permission())
        || grants.stream().anyMatch(grant -> grant.allows(call));
  }

  private static void add(List<Grant> grants, String namespace, List<PolicyRule> rules) {
    for (PolicyRule rule : rules) {
      List<String> names = rule.getResourceNames() == null ? List.of() : rule.getResourceNames();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            grants.add(new Grant(namespace, group, resource, verb, names));
          }
        }
      }
    }
  }
}
