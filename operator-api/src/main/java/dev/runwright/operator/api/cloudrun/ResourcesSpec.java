package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** CPU and memory limits of each instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {
  @Size(min = 1, max = 8)
  @Pattern("^(1|2|4|6|8|[1-9][0-9]{1,2}m)$")
  @JsonPropertyDescription(
      "CPU limit: 1, 2, 4, 6 or 8, or millicores below one CPU such as 500m (then concurrency"
          + " must be 1). Defaults to 1.")
  private String cpu;

  @Size(min = 1, max = 8)
  @Pattern("^[1-9][0-9]*(Mi|Gi)$")
  @JsonPropertyDescription("Memory limit, e.g. 512Mi or 2Gi. Defaults to 512Mi.")
  private String memory;

  @JsonPropertyDescription("Give instances extra CPU while they start (startup CPU boost).")
  private Boolean startupCpuBoost;

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }

  public Boolean getStartupCpuBoost() {
    return startupCpuBoost;
  }

  public void setStartupCpuBoost(Boolean startupCpuBoost) {
    this.startupCpuBoost = startupCpuBoost;
  }
}
