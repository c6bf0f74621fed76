package dev.runwright.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Labels the operator puts on the Google resources it creates (instance, password secret, Cloud Run
 * job), naming the custom resource that created them. They tell "created by this resource before a
 * restart lost its status" apart from "someone else's resource of the same name", which needs
 * explicit adoption.
 */
public final class OwnerLabels {
  public static final String MANAGED_BY = "managed-by";
  public static final String NAMESPACE = "runwright-namespace";
  public static final String NAME = "runwright-name";
  private static final int MAX_VALUE = 63;

  private OwnerLabels() {}

  public static Map<String, String> of(HasMetadata resource) {
    return Map.of(
        MANAGED_BY,
        "runwright",
        NAMESPACE,
        value(resource.getMetadata().getNamespace()),
        NAME,
        value(resource.getMetadata().getName()));
  }

  /** Whether {@code labels} say this resource created the Google resource. */
  public static boolean ownedBy(Map<String, String> labels, HasMetadata resource) {
    return labels.entrySet().containsAll(of(resource).entrySet());
  }

  /**
   * A Kubernetes name as a Google label value (lowercase, digits, '-', '_'; at most 63): '.'
   * becomes '_' (which Kubernetes names never contain, so two names never map to one value); long
   * names are shortened with a hash.
   */
  public static String value(String kubernetesName) {
    String value = kubernetesName.replace('.', '_');
    if (value.length() <= MAX_VALUE) {
      return value;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return value.substring(0, MAX_VALUE - 13) + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
