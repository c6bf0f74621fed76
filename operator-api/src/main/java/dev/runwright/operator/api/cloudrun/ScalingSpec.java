package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Instance autoscaling bounds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.minInstances) || !has(self.maxInstances) || self.minInstances <= self.maxInstances",
    message = "scaling.minInstances must not exceed scaling.maxInstances",
    fieldPath = ".minInstances")
public class ScalingSpec {
  @Min(0)
  @Max(1000)
  @JsonPropertyDescription("Instances kept warm (0 to 1000). 0 scales to zero when idle.")
  private Integer minInstances;

  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Upper bound of instances (1 to 1000).")
  private Integer maxInstances;

  public Integer getMinInstances() {
    return minInstances;
  }

  public void setMinInstances(Integer minInstances) {
    this.minInstances = minInstances;
  }

  public Integer getMaxInstances() {
    return maxInstances;
  }

  public void setMaxInstances(Integer maxInstances) {
    this.maxInstances = maxInstances;
  }
}
