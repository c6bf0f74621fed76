package dev.runwright.operator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The operator's Kubernetes client: it reads every object without {@code metadata.managedFields}.
 * The operator never uses them, and with server-side apply they are often the largest part of an
 * object, which the informers would otherwise keep for every resource for the life of the process.
 *
 * <p>Dropping them while deserializing serves every informer and read alike. (A custom informer
 * item store cannot do it: JOSDK shares one store between the informers of all watched namespaces,
 * and each informer's initial list then removes the other namespaces' objects from it, which JOSDK
 * takes for deletions.)
 */
public final class LeanKubernetesClient {
  private LeanKubernetesClient() {}

  @JsonIgnoreProperties(
      value = {"managedFields"},
      ignoreUnknown = true)
  private abstract static class WithoutManagedFields {}

  /** A client from the usual configuration (kubeconfig, in-cluster service account). */
  public static KubernetesClient build() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization()).build();
  }

  static KubernetesSerialization serialization() {
    var mapper = new ObjectMapper().addMixIn(ObjectMeta.class, WithoutManagedFields.class);
    return new KubernetesSerialization(mapper, true);
  }
}
