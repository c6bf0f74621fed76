package dev.runwright.operator.gcp.run;

import java.util.Objects;
import java.util.Optional;

/** Where traffic actually goes, as Cloud Run reports it; {@code uri} is set for tagged targets. */
public record TrafficStatus(
    boolean latest,
    Optional<String> revision,
    int percent,
    Optional<String> tag,
    Optional<String> uri) {

  public TrafficStatus {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(uri, "uri");
  }

  /** The target this status realises, for comparing with the requested traffic. */
  public TrafficTarget asTarget() {
    return new TrafficTarget(latest, latest ? Optional.empty() : revision, percent, tag);
  }
}
