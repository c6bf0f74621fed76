package dev.runwright.operator.gcp.run;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code projects/{project}/locations/{location}/jobs/{job}}, the identity of a Cloud Run job. */
public record JobName(String project, String location, String job) {

  private static final Pattern FORM =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/jobs/([^/]+)");

  public JobName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("location", location);
    ResourceNameSegments.require("job", job);
  }

  public static JobName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/locations/{location}/jobs/{job}");
    }
    return new JobName(m.group(1), m.group(2), m.group(3));
  }

  /** The name of one of this job's executions. */
  public ExecutionName execution(String execution) {
    return new ExecutionName(project, location, job, execution);
  }

  @Override
  public String toString() {
    return "projects/" + project + "/locations/" + location + "/jobs/" + job;
  }
}
