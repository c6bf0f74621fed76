package dev.runwright.operator.gcp.run;

import java.util.Objects;
import java.util.Optional;

/**
 * A share of a service's traffic. The operator owns {@code traffic} and names revisions explicitly.
 *
 * @param latest whether the target is "the latest ready revision" rather than {@code revision}
 * @param revision the revision's short name, when not {@code latest}
 * @param tag a tag giving the target its own URL (e.g. a candidate at 0%)
 */
public record TrafficTarget(
    boolean latest, Optional<String> revision, int percent, Optional<String> tag) {

  public TrafficTarget {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(tag, "tag");
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0 to 100, was " + percent);
    }
    if (latest == revision.isPresent()) {
      throw new IllegalArgumentException("a traffic target is either latest or names a revision");
    }
  }

  public static TrafficTarget toRevision(String revision, int percent) {
    return new TrafficTarget(false, Optional.of(revision), percent, Optional.empty());
  }

  public static TrafficTarget toLatest(int percent) {
    return new TrafficTarget(true, Optional.empty(), percent, Optional.empty());
  }

  public TrafficTarget withTag(String tag) {
    return new TrafficTarget(latest, revision, percent, Optional.of(tag));
  }
}
