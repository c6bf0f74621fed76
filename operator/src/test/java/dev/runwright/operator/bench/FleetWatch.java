package dev.runwright.operator.bench;

import dev.runwright.operator.api.common.ConditionedStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Informers on the three Runwright kinds of one namespace, as the benchmark's eyes: how many
 * resources are Ready, and how many times any of them was written (every write after creation is
 * the operator's status or finalizer patch, since the benchmark does not change specs then).
 */
final class FleetWatch implements AutoCloseable {
  private final List<SharedIndexInformer<? extends CustomResource<?, ? extends ConditionedStatus>>>
      informers = new ArrayList<>();
  private final AtomicLong writes = new AtomicLong();

  FleetWatch(KubernetesClient client, String namespace) {
    for (var kind : Readiness.KINDS) {
      informers.add(inform(client, kind, namespace));
    }
  }

  private <T extends CustomResource<?, ? extends ConditionedStatus>> SharedIndexInformer<T> inform(
      KubernetesClient client, Class<T> kind, String namespace) {
    SharedIndexInformer<T> informer = client.resources(kind).inNamespace(namespace).inform();
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T resource) {}

          @Override
          public void onUpdate(T before, T after) {
            if (!before
                .getMetadata()
                .getResourceVersion()
                .equals(after.getMetadata().getResourceVersion())) {
              writes.incrementAndGet();
            }
          }

          @Override
          public void onDelete(T resource, boolean finalStateUnknown) {}
        });
    return informer;
  }

  long ready() {
    long ready = 0;
    for (var informer : informers) {
      ready += informer.getStore().list().stream().filter(Readiness::isReady).count();
    }
    return ready;
  }

  long statusWrites() {
    return writes.get();
  }

  void resetStatusWrites() {
    writes.set(0);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
