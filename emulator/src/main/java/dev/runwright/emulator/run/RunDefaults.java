package dev.runwright.emulator.run;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.protobuf.Duration;
import dev.runwright.emulator.http.ApiException;
import java.util.List;

/**
 * The defaults Cloud Run fills into templates it stores (and returns): request concurrency 80,
 * request timeout 300 s, task timeout 600 s with 3 retries, the project's default compute service
 * account, 1 CPU and 512 MiB, port 8080. A client that compares whole templates therefore sees
 * fields it never set, as against Google.
 */
final class RunDefaults {
  private RunDefaults() {}

  static String computeServiceAccount(long projectNumber) {
    return projectNumber + "-compute@developer.gserviceaccount.com";
  }

  static RevisionTemplate revision(RevisionTemplate template, long projectNumber) {
    checkContainers(template.getContainersList(), "service.template");
    RevisionTemplate.Builder t = template.toBuilder();
    if (t.getMaxInstanceRequestConcurrency() == 0) {
      t.setMaxInstanceRequestConcurrency(80);
    }
    if (!t.hasTimeout()) {
      t.setTimeout(Duration.newBuilder().setSeconds(300));
    }
    if (t.getServiceAccount().isEmpty()) {
      t.setServiceAccount(computeServiceAccount(projectNumber));
    }
    List<Container> containers =
        t.getContainersList().stream().map(c -> container(c, true)).toList();
    return t.clearContainers().addAllContainers(containers).build();
  }

  static ExecutionTemplate execution(ExecutionTemplate template, long projectNumber) {
    ExecutionTemplate.Builder e = template.toBuilder();
    if (e.getTaskCount() == 0) {
      e.setTaskCount(1);
    }
    checkContainers(e.getTemplate().getContainersList(), "job.template.template");
    TaskTemplate.Builder task = e.getTemplateBuilder();
    if (!task.hasMaxRetries()) {
      task.setMaxRetries(3);
    }
    if (!task.hasTimeout()) {
      task.setTimeout(Duration.newBuilder().setSeconds(600));
    }
    if (task.getServiceAccount().isEmpty()) {
      task.setServiceAccount(computeServiceAccount(projectNumber));
    }
    List<Container> containers =
        task.getContainersList().stream().map(c -> container(c, false)).toList();
    task.clearContainers().addAllContainers(containers);
    return e.build();
  }

  private static Container container(Container container, boolean serving) {
    Container.Builder c = container.toBuilder();
    if (!c.hasResources() || c.getResources().getLimitsMap().isEmpty()) {
      c.setResources(
          ResourceRequirements.newBuilder()
              .putLimits("cpu", "1000m")
              .putLimits("memory", "512Mi")
              .setCpuIdle(c.getResources().getCpuIdle() || serving)
              .setStartupCpuBoost(c.getResources().getStartupCpuBoost()));
    }
    if (serving && c.getPortsCount() == 0) {
      c.addPorts(ContainerPort.newBuilder().setName("http1").setContainerPort(8080));
    }
    return c.build();
  }

  private static void checkContainers(List<Container> containers, String field) {
    if (containers.isEmpty()) {
      throw ApiException.invalidArgument(
          field + ".containers", "At least one container must be specified.");
    }
    for (int i = 0; i < containers.size(); i++) {
      if (containers.get(i).getImage().isEmpty()) {
        throw ApiException.invalidArgument(
            field + ".containers[" + i + "].image", "Container image must be specified.");
      }
    }
  }
}
