package dev.runwright.operator.cloudrun;

import dev.runwright.operator.gcp.run.TrafficTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The traffic lists the operator writes. It owns {@code traffic} entirely: every entry names a
 * revision explicitly (never "latest"), so a new template can never receive traffic by accident.
 */
final class TrafficSplit {
  private TrafficSplit() {}

  /** All traffic on one revision, no tags. */
  static List<TrafficTarget> allOn(String revision) {
    return List.of(TrafficTarget.toRevision(revision, 100));
  }

  /**
   * Stable keeps {@code 100 - percent}, the candidate gets {@code percent} and its tag (so it is
   * reachable at its tag URL also at 0%); at 100 the candidate takes everything and the tag is
   * dropped.
   */
  static List<TrafficTarget> split(String stable, String candidate, int percent, String tag) {
    if (percent >= 100) {
      return allOn(candidate);
    }
    return List.of(
        TrafficTarget.toRevision(stable, 100 - percent),
        TrafficTarget.toRevision(candidate, percent).withTag(tag));
  }

  /** Whether two traffic lists route the same way, ignoring order. */
  static boolean same(List<TrafficTarget> a, List<TrafficTarget> b) {
    List<TrafficTarget> remaining = new ArrayList<>(b);
    for (TrafficTarget target : a) {
      if (!remaining.remove(target)) {
        return false;
      }
    }
    return remaining.isEmpty();
  }

  /** The revision holding 100% in {@code traffic}, if one does. */
  static Optional<String> soleRevision(List<TrafficTarget> traffic) {
    return traffic.stream()
        .filter(t -> t.percent() == 100 && t.revision().isPresent())
        .map(t -> t.revision().get())
        .findFirst();
  }

  /** One line for kubectl, e.g. {@code jwt-abc 90%, jwt-def 10% (candidate)}. */
  static String summary(List<TrafficTarget> traffic) {
    List<String> parts = new ArrayList<>();
    for (TrafficTarget t : traffic) {
      String who = t.latest() ? "latest" : t.revision().orElse("?");
      parts.add(who + " " + t.percent() + "%" + t.tag().map(tag -> " (" + tag + ")").orElse(""));
    }
    return String.join(", ", parts);
  }
}
