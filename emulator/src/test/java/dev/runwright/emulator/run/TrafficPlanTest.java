package dev.runwright.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import dev.runwright.emulator.http.ApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {
  private static final TrafficTargetAllocationType LATEST =
      TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
  private static final TrafficTargetAllocationType REVISION =
      TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION;

  @Test
  void emptyTrafficMeansAllToLatest() {
    assertThat(TrafficPlan.normalize(List.of()))
        .containsExactly(TrafficTarget.newBuilder().setType(LATEST).setPercent(100).build());
  }

  @Test
  void unspecifiedTypeIsInferredFromTheRevisionName() {
    List<TrafficTarget> normalized =
        TrafficPlan.normalize(
            List.of(
                TrafficTarget.newBuilder().setRevision("s-a").setPercent(50).build(),
                TrafficTarget.newBuilder().setPercent(50).build()));
    assertThat(normalized).extracting(TrafficTarget::getType).containsExactly(REVISION, LATEST);
  }

  @Test
  void percentagesMustSumTo100AndTagsBeUnique() {
    assertThatThrownBy(
            () -> TrafficPlan.validate(List.of(target(REVISION, "s-a", 99, "")), r -> true))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("add up to 100");
    assertThatThrownBy(
            () ->
                TrafficPlan.validate(
                    List.of(target(REVISION, "s-a", 50, "x"), target(LATEST, "", 50, "x")),
                    r -> true))
        .hasMessageContaining("more than once");
    assertThatThrownBy(
            () -> TrafficPlan.validate(List.of(target(REVISION, "s-a", 100, "")), r -> false))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () -> TrafficPlan.validate(List.of(target(LATEST, "s-a", 100, "")), r -> true))
        .hasMessageContaining("must not name a revision");
    assertThatThrownBy(
            () -> TrafficPlan.validate(List.of(target(LATEST, "", 100, "Bad_Tag")), r -> true))
        .hasMessageContaining("lowercase DNS label");
  }

  @Test
  void requiredRevisionsAreThoseWithTrafficOrATag() {
    assertThat(
            TrafficPlan.requiredRevisions(
                List.of(
                    target(REVISION, "s-a", 100, ""),
                    target(REVISION, "s-b", 0, "canary"),
                    target(REVISION, "s-c", 0, ""),
                    target(LATEST, "", 0, "")),
                "s-d"))
        .isEqualTo(Set.of("s-a", "s-b"));
  }

  @Test
  void statusesCarryTagUris() {
    assertThat(
            TrafficPlan.statuses(
                List.of(target(REVISION, "s-b", 0, "canary")), "s", 42, "europe-west1"))
        .singleElement()
        .satisfies(
            s -> assertThat(s.getUri()).isEqualTo("https://canary---s-42.europe-west1.run.app"));
  }

  private static TrafficTarget target(
      TrafficTargetAllocationType type, String revision, int percent, String tag) {
    return TrafficTarget.newBuilder()
        .setType(type)
        .setRevision(revision)
        .setPercent(percent)
        .setTag(tag)
        .build();
  }
}
