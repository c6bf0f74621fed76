package dev.runwright.operator.gcp.run;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/locations/{location}/jobs/{job}/executions/{execution}}, one run of a
 * job.
 */
public record ExecutionName(String project, String location, String job, String execution) {

  private static final Pattern FORM =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/jobs/([^/]+)/executions/([^/]+)");

  public ExecutionName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("location", location);
    ResourceNameSegments.require("job", job);
    ResourceNameSegments.require("execution", execution);
  }

  public static ExecutionName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/locations/{location}/jobs/{job}/executions/{execution}");
    }
    return new ExecutionName(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  public JobName jobName() {
    return new JobName(project, location, job);
  }

  @Override
  public String toString() {
    return "projects/"
        + project
        + "/locations/"
        + location
        + "/jobs/"
        + job
        + "/executions/"
        + execution;
  }
}
