package dev.runwright.emulator.run;

import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import dev.runwright.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Validates a service's {@code traffic} as Cloud Run does (percentages sum to 100, pinned revisions
 * exist, tags are unique DNS labels) and derives the {@code trafficStatuses} once the routes are
 * ready.
 */
final class TrafficPlan {
  private static final Pattern TAG = Pattern.compile("[a-z]([-a-z0-9]{0,44}[a-z0-9])?");

  private TrafficPlan() {}

  /** The traffic as stored: 100% to latest when empty, allocation types made explicit. */
  static List<TrafficTarget> normalize(List<TrafficTarget> requested) {
    if (requested.isEmpty()) {
      return List.of(
          TrafficTarget.newBuilder()
              .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
              .setPercent(100)
              .build());
    }
    List<TrafficTarget> normalized = new ArrayList<>();
    for (TrafficTarget target : requested) {
      if (target.getType()
          == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED) {
        target =
            target.toBuilder()
                .setType(
                    target.getRevision().isEmpty()
                        ? TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST
                        : TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                .build();
      }
      normalized.add(target);
    }
    return normalized;
  }

  static void validate(List<TrafficTarget> traffic, Predicate<String> revisionExists) {
    int sum = 0;
    Set<String> tags = new HashSet<>();
    for (int i = 0; i < traffic.size(); i++) {
      TrafficTarget target = traffic.get(i);
      String field = "service.traffic[" + i + "]";
      boolean latest =
          target.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
      if (latest && !target.getRevision().isEmpty()) {
        throw ApiException.invalidArgument(
            field + ".revision", "A traffic target of type LATEST must not name a revision.");
      }
      if (!latest && target.getRevision().isEmpty()) {
        throw ApiException.invalidArgument(
            field + ".revision", "A traffic target of type REVISION must name a revision.");
      }
      if (!latest && !revisionExists.test(target.getRevision())) {
        throw ApiException.invalidArgument(
            field + ".revision", "Revision '" + target.getRevision() + "' does not exist.");
      }
      if (target.getPercent() < 0 || target.getPercent() > 100) {
        throw ApiException.invalidArgument(
            field + ".percent", "Traffic percent must be between 0 and 100.");
      }
      if (!target.getTag().isEmpty()) {
        if (!TAG.matcher(target.getTag()).matches()) {
          throw ApiException.invalidArgument(
              field + ".tag", "Tag '" + target.getTag() + "' must be a lowercase DNS label.");
        }
        if (!tags.add(target.getTag())) {
          throw ApiException.invalidArgument(
              field + ".tag", "Tag '" + target.getTag() + "' is used more than once.");
        }
      }
      sum += target.getPercent();
    }
    if (sum != 100) {
      throw ApiException.invalidArgument(
          "service.traffic", "The traffic percentages must add up to 100, got " + sum + ".");
    }
  }

  /**
   * The revisions the routes need ready: everything given traffic or a tag, LATEST meaning {@code
   * latest}.
   */
  static Set<String> requiredRevisions(List<TrafficTarget> traffic, String latest) {
    Set<String> required = new HashSet<>();
    for (TrafficTarget target : traffic) {
      if (target.getPercent() > 0 || !target.getTag().isEmpty()) {
        boolean isLatest =
            target.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
        required.add(isLatest ? latest : target.getRevision());
      }
    }
    return required;
  }

  /** The statuses Cloud Run reports once the routes follow {@code traffic}. */
  static List<TrafficTargetStatus> statuses(
      List<TrafficTarget> traffic, String service, long projectNumber, String region) {
    return statuses(traffic, tag -> ServiceUris.tag(tag, service, projectNumber, region));
  }

  /** The statuses, with tag URIs from {@code tagUri}. */
  static List<TrafficTargetStatus> statuses(
      List<TrafficTarget> traffic, java.util.function.UnaryOperator<String> tagUri) {
    return traffic.stream()
        .map(
            target -> {
              TrafficTargetStatus.Builder status =
                  TrafficTargetStatus.newBuilder()
                      .setType(target.getType())
                      .setRevision(target.getRevision())
                      .setPercent(target.getPercent())
                      .setTag(target.getTag());
              if (!target.getTag().isEmpty()) {
                status.setUri(tagUri.apply(target.getTag()));
              }
              return status.build();
            })
        .toList();
  }
}
