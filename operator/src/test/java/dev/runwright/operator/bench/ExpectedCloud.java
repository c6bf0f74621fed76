package dev.runwright.operator.bench;

import dev.runwright.operator.api.common.DeletionPolicy;
import dev.runwright.operator.bench.CloudProject.CloudExecution;
import dev.runwright.operator.bench.CloudProject.CloudInstance;
import dev.runwright.operator.bench.CloudProject.CloudJob;
import dev.runwright.operator.bench.CloudProject.CloudRevision;
import dev.runwright.operator.bench.CloudProject.CloudService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the emulated project must hold after the soak, given what the user last applied, compared
 * with what it holds: no duplicates (instances, databases, users, secret versions, revisions,
 * executions), nothing left behind by applications deleted with {@code Delete}, nothing of {@code
 * Retain} applications removed, and every live application serving its last release.
 *
 * @param live applications that exist, with what was last applied
 * @param deleted applications deleted during the soak, with what was last applied
 * @param existedAtDeletion names of instances, secrets and services that existed when the deleted
 *     applications were deleted ({@code Retain} keeps exactly those)
 */
record ExpectedCloud(
    Map<App, App.Desired> live, Map<App, App.Desired> deleted, Set<String> existedAtDeletion) {

  List<String> problemsIn(CloudProject project) {
    var problems = new ArrayList<String>();
    Map<String, CloudInstance> instances = project.instances();
    Map<String, List<String>> secrets = project.secrets();
    Map<String, CloudService> services = project.services(App.REGION);
    Map<String, CloudJob> jobs = project.jobs(App.REGION);

    var expectedInstances = new TreeSet<String>();
    var expectedSecrets = new TreeSet<String>();
    var expectedServices = new TreeSet<String>();
    var expectedJobs = new TreeSet<String>();
    live.keySet()
        .forEach(
            app -> {
              expectedInstances.add(app.instanceName());
              expectedSecrets.add(app.secretId());
              expectedServices.add(app.serviceId());
              expectedJobs.add(app.jobId());
            });
    deleted.forEach(
        (app, desired) -> {
          // Deleting a MigrationJob keeps its Cloud Run job: the record of what ran.
          if (jobs.containsKey(app.jobId())) {
            expectedJobs.add(app.jobId());
          }
          if (desired.deletion() == DeletionPolicy.Retain) {
            retained(app.instanceName(), expectedInstances);
            retained(app.secretId(), expectedSecrets);
            retained(app.serviceId(), expectedServices);
          }
        });
    compare("instances", expectedInstances, instances.keySet(), problems);
    compare("secrets", expectedSecrets, secrets.keySet(), problems);
    compare("services", expectedServices, services.keySet(), problems);
    compare("jobs", expectedJobs, jobs.keySet(), problems);

    live.forEach(
        (app, desired) -> {
          checkInstance(app, desired, instances.get(app.instanceName()), problems);
          checkSecret(app, desired, secrets.get(app.secretId()), problems);
          checkService(
              desired, services.get(app.serviceId()), secrets.get(app.secretId()), problems);
          checkJob(app, desired, jobs.get(app.jobId()), problems);
        });
    deleted.forEach(
        (app, desired) -> {
          CloudJob job = jobs.get(app.jobId());
          if (job != null) {
            duplicateExecutions(job, problems);
          }
        });
    return problems;
  }

  private void retained(String name, Set<String> expected) {
    if (existedAtDeletion.contains(name)) {
      expected.add(name);
    }
  }

  private static void compare(
      String what, Set<String> expected, Set<String> actual, List<String> problems) {
    var missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    var extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      problems.add(what + ": missing " + missing + ", leaked " + extra);
    }
  }

  private static void checkInstance(
      App app, App.Desired desired, CloudInstance instance, List<String> problems) {
    if (instance == null) {
      return; // reported by compare
    }
    if (instance.databases().stream().filter(App.DATABASE::equals).count() != 1) {
      problems.add(instance.name() + " has databases " + instance.databases());
    }
    if (instance.users().stream().filter(App.USER::equals).count() != 1) {
      problems.add(instance.name() + " has users " + instance.users());
    }
    if (!instance.flags().contains("\"" + desired.maxConnections() + "\"")) {
      problems.add(
          instance.name()
              + " has flags "
              + instance.flags()
              + ", expected max_connections "
              + desired.maxConnections());
    }
  }

  /** One version per rotation token at most: the first password plus one per rotation. */
  private static void checkSecret(
      App app, App.Desired desired, List<String> versions, List<String> problems) {
    if (versions == null) {
      return;
    }
    if (versions.isEmpty() || versions.size() > 1 + desired.rotation()) {
      problems.add(
          "secret "
              + app.secretId()
              + " has versions "
              + versions
              + " after "
              + desired.rotation()
              + " rotations");
    }
  }

  /** Serving the last release and scaling, with the newest password, from one revision each. */
  private static void checkService(
      App.Desired desired,
      CloudService service,
      List<String> passwordVersions,
      List<String> problems) {
    if (service == null) {
      return;
    }
    var templates = new HashSet<String>();
    for (CloudRevision revision : service.revisions()) {
      String template =
          revision.image()
              + " max "
              + revision.maxInstances()
              + " pw "
              + revision.passwordVersion();
      if (!templates.add(template)) {
        problems.add("service " + service.id() + " has two revisions of " + template);
      }
    }
    List<CloudRevision> serving =
        service.revisions().stream().filter(r -> service.traffic().containsKey(r.id())).toList();
    boolean servesDesired =
        service.traffic().size() == 1
            && serving.size() == 1
            && serving.get(0).image().equals(desired.image())
            && serving.get(0).maxInstances() == desired.maxInstances()
            && passwordVersions != null
            && serving.get(0).passwordVersion().equals(Integer.toString(passwordVersions.size()));
    if (!servesDesired) {
      problems.add(
          "service "
              + service.id()
              + " serves "
              + service.traffic()
              + " of "
              + serving
              + ", expected 100% to "
              + desired.image()
              + " with max "
              + desired.maxInstances()
              + " and the newest of password versions "
              + passwordVersions);
    }
  }

  private static void checkJob(App app, App.Desired desired, CloudJob job, List<String> problems) {
    if (job == null) {
      return;
    }
    duplicateExecutions(job, problems);
    boolean migrated =
        job.executions().stream().anyMatch(e -> e.succeeded() && e.image().equals(desired.image()));
    if (!migrated) {
      problems.add("job " + job.id() + " has no succeeded execution of " + desired.image());
    }
  }

  /** One execution per release: no image ran twice. */
  private static void duplicateExecutions(CloudJob job, List<String> problems) {
    var images = new HashSet<String>();
    for (CloudExecution execution : job.executions()) {
      if (!images.add(execution.image())) {
        problems.add("job " + job.id() + " ran " + execution.image() + " twice");
      }
    }
  }
}
