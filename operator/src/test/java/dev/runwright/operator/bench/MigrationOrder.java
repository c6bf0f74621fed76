package dev.runwright.operator.bench;

import dev.runwright.emulator.Emulator;
import dev.runwright.operator.bench.CloudProject.CloudExecution;
import dev.runwright.operator.bench.CloudProject.CloudJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The promise the whole operator exists for: no revision ever received traffic before the migration
 * of its release succeeded. Every change of every service's routes in the emulator's traffic
 * history is held against the executions of the application's migration job: a route with traffic
 * to an image needs an execution of that image that had succeeded by then.
 */
final class MigrationOrder {
  private MigrationOrder() {}

  static List<String> violations(Emulator emulator, CloudProject project, Collection<App> apps) {
    Map<String, CloudJob> jobs = project.jobs(App.REGION);
    Map<String, App> appOfService = new HashMap<>();
    apps.forEach(app -> appOfService.put(app.serviceId(), app));
    String prefix = "projects/" + project.id() + "/";
    var violations = new ArrayList<String>();
    int checked = 0;
    for (var change : emulator.control().trafficHistory()) {
      if (!change.service().startsWith(prefix)) {
        continue;
      }
      String serviceId = change.service().substring(change.service().lastIndexOf('/') + 1);
      for (var route : change.routes()) {
        if (route.percent() == 0) {
          continue;
        }
        checked++;
        App app = appOfService.get(serviceId);
        CloudJob job = app == null ? null : jobs.get(app.jobId());
        if (job == null || !migratedBefore(job, route.image(), change.at())) {
          violations.add(
              route.revision()
                  + " ("
                  + route.image()
                  + ") got "
                  + route.percent()
                  + "% at "
                  + change.at()
                  + " with no succeeded migration of that image before");
        }
      }
    }
    if (checked == 0) {
      violations.add("the traffic history of " + project.id() + " holds no traffic at all");
    }
    return violations;
  }

  private static boolean migratedBefore(CloudJob job, String image, Instant at) {
    for (CloudExecution execution : job.executions()) {
      if (execution.succeeded()
          && execution.image().equals(image)
          && execution.completed() != null
          && !execution.completed().isAfter(at)) {
        return true;
      }
    }
    return false;
  }
}
