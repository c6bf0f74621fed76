package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** How traffic moves from the stable revision to a migrated candidate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.strategy != 'Stepped' || has(self.steps)",
    message = "rollout.strategy Stepped requires rollout.steps, e.g. [10, 50, 100]")
@ValidationRule(
    value = "self.strategy != 'Immediate' || !has(self.steps)",
    message = "rollout.steps is only allowed with rollout.strategy Stepped",
    fieldPath = ".steps")
@ValidationRule(
    value = "!has(self.steps) || self.steps.all(s, s >= 1 && s <= 100)",
    message = "rollout steps are traffic percentages between 1 and 100",
    fieldPath = ".steps")
@ValidationRule(
    value = "!has(self.steps) || self.steps[self.steps.size() - 1] == 100",
    message = "the last rollout step must be 100",
    fieldPath = ".steps")
@ValidationRule(
    value =
        "!has(self.steps) || ((self.steps.size() < 2 || self.steps[0] < self.steps[1])"
            + " && (self.steps.size() < 3 || self.steps[1] < self.steps[2])"
            + " && (self.steps.size() < 4 || self.steps[2] < self.steps[3])"
            + " && (self.steps.size() < 5 || self.steps[3] < self.steps[4]))",
    message = "rollout steps must be strictly increasing percentages, e.g. [10, 50, 100]",
    fieldPath = ".steps")
public class RolloutSpec {
  @Default("Immediate")
  @JsonPropertyDescription(
      "Immediate (default): the candidate gets 100% once migrated and ready. Stepped: traffic"
          + " moves through steps, pausing pauseSeconds at each.")
  private RolloutStrategy strategy;

  @Size(min = 1, max = 5)
  @JsonPropertyDescription(
      "Traffic percentages for the candidate, strictly increasing and ending at 100, e.g."
          + " [10, 50, 100]. Only with strategy Stepped.")
  private List<Integer> steps;

  @Default("300")
  @Min(0)
  @Max(86400)
  @JsonPropertyDescription(
      "Seconds to hold each step before the next (0 to 86400). Defaults to 300.")
  private Integer pauseSeconds;

  @Default("candidate")
  @Size(min = 1, max = 46)
  @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Traffic tag given to the candidate revision, so it can be tested at its tag URL before it"
          + " gets traffic. Defaults to candidate.")
  private String candidateTag;

  public RolloutStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(RolloutStrategy strategy) {
    this.strategy = strategy;
  }

  public List<Integer> getSteps() {
    return steps;
  }

  public void setSteps(List<Integer> steps) {
    this.steps = steps;
  }

  public Integer getPauseSeconds() {
    return pauseSeconds;
  }

  public void setPauseSeconds(Integer pauseSeconds) {
    this.pauseSeconds = pauseSeconds;
  }

  public String getCandidateTag() {
    return candidateTag;
  }

  public void setCandidateTag(String candidateTag) {
    this.candidateTag = candidateTag;
  }
}
