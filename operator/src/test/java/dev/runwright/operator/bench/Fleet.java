package dev.runwright.operator.bench;

import dev.runwright.operator.api.common.ConditionedStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Runwright resources of many applications as the apiserver holds them: which are not Ready
 * yet, and which of the deleted ones still exist.
 */
final class Fleet {
  private Fleet() {}

  /**
   * Everything that keeps the fleet from being converged: resources of {@code live} applications
   * that are missing or not Ready, resources of {@code deleted} ones that still exist. Empty when
   * converged.
   */
  static List<String> pending(
      KubernetesClient client,
      Collection<String> namespaces,
      Set<App> live,
      Set<App> deleted,
      int limit) {
    var pending = new ArrayList<String>();
    for (var kind : Readiness.KINDS) {
      Map<App, CustomResource<?, ? extends ConditionedStatus>> present = new HashMap<>();
      for (String namespace : namespaces) {
        for (var resource : client.resources(kind).inNamespace(namespace).list().getItems()) {
          present.put(new App(namespace, resource.getMetadata().getName()), resource);
        }
      }
      for (App app : live) {
        var resource = present.get(app);
        if (resource == null) {
          pending.add(kind.getSimpleName() + " " + app + " missing");
        } else if (!Readiness.isReady(resource)) {
          pending.add(Readiness.describe(resource));
        }
      }
      for (App app : deleted) {
        var resource = present.get(app);
        if (resource != null) {
          pending.add(
              kind.getSimpleName()
                  + " "
                  + app
                  + " not yet gone (deleted at "
                  + resource.getMetadata().getDeletionTimestamp()
                  + ", finalizers "
                  + resource.getMetadata().getFinalizers()
                  + ")");
        }
      }
    }
    return pending.size() > limit ? pending.subList(0, limit) : pending;
  }

  /** How many resources of all three kinds are Ready in {@code namespaces}. */
  static long countReady(KubernetesClient client, Collection<String> namespaces) {
    long ready = 0;
    for (var kind : Readiness.KINDS) {
      for (String namespace : namespaces) {
        ready +=
            client.resources(kind).inNamespace(namespace).list().getItems().stream()
                .filter(Readiness::isReady)
                .count();
      }
    }
    return ready;
  }
}
