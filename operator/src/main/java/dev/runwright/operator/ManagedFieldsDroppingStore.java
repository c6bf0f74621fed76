package dev.runwright.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * The informer cache of primary resources, without {@code metadata.managedFields}: the operator
 * never reads them, and with server-side apply they are often the largest part of each object, kept
 * once per resource for the life of the process.
 */
final class ManagedFieldsDroppingStore<R extends HasMetadata> extends BasicItemStore<R> {
  ManagedFieldsDroppingStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public R put(String key, R resource) {
    if (resource.getMetadata() != null) {
      resource.getMetadata().setManagedFields(null);
    }
    return super.put(key, resource);
  }
}
