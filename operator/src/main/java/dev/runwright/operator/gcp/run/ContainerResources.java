package dev.runwright.operator.gcp.run;

import java.util.Map;

/**
 * CPU and memory of a container.
 *
 * @param limits e.g. {@code cpu=1}, {@code memory=512Mi}; empty uses Cloud Run's defaults
 * @param startupCpuBoost more CPU while the container starts
 * @param cpuIdle whether CPU is only allocated during requests
 */
public record ContainerResources(
    Map<String, String> limits, boolean startupCpuBoost, boolean cpuIdle) {
  public ContainerResources {
    limits = Map.copyOf(limits);
  }

  public static ContainerResources defaults() {
    return new ContainerResources(Map.of(), false, false);
  }
}
