package dev.runwright.operator.migration;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Labels on the Cloud Run job and its executions naming the MigrationJob that created them (the
 * same keys the CloudSqlDatabase reconciler puts on its Google resources).
 */
final class OwnerLabels {
  static final String MANAGED_BY = "managed-by";
  static final String NAMESPACE = "runwright-namespace";
  static final String NAME = "runwright-name";
  private static final int MAX_VALUE = 63;

  private OwnerLabels() {}

  static Map<String, String> of(HasMetadata resource) {
    return Map.of(
        MANAGED_BY,
        "runwright",
        NAMESPACE,
        value(resource.getMetadata().getNamespace()),
        NAME,
        value(resource.getMetadata().getName()));
  }

  /** A Kubernetes name as a Google label value: '.' becomes '_', long names get a hash. */
  static String value(String kubernetesName) {
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
