package dev.runwright.operator.gcp.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every revision of a service is made from. A changed template makes Cloud Run create a new
 * revision.
 *
 * @param revision the revision name to create (the operator makes it deterministic); empty lets
 *     Cloud Run pick
 * @param maxInstanceRequestConcurrency 0 means Cloud Run's default
 */
public record RevisionTemplate(
    Optional<String> revision,
    Map<String, String> labels,
    Map<String, String> annotations,
    Optional<String> serviceAccount,
    Scaling scaling,
    Optional<Duration> timeout,
    int maxInstanceRequestConcurrency,
    List<Container> containers,
    List<CloudSqlVolume> volumes) {

  public RevisionTemplate {
    Objects.requireNonNull(revision, "revision");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(timeout, "timeout");
    containers = List.copyOf(containers);
    volumes = List.copyOf(volumes);
  }
}
