package dev.runwright.operator.gcp.secrets;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Secret Manager secret's metadata (never its value).
 *
 * @param annotations free-form metadata, e.g. the rotation token a version was made for
 * @param versionAliases alias to version number, e.g. {@code rotation-3 -> 4}, to find a version
 *     again by intent
 */
public record Secret(
    SecretName name,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, Long> versionAliases,
    Optional<Instant> createTime,
    String etag) {

  public Secret {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    versionAliases = Map.copyOf(versionAliases);
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(etag, "etag");
  }
}
