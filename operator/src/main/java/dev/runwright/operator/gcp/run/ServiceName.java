package dev.runwright.operator.gcp.run;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/locations/{location}/services/{service}}, the identity of a Cloud Run
 * service.
 */
public record ServiceName(String project, String location, String service) {

  private static final Pattern FORM =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/services/([^/]+)");

  public ServiceName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("location", location);
    ResourceNameSegments.require("service", service);
  }

  public static ServiceName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/locations/{location}/services/{service}");
    }
    return new ServiceName(m.group(1), m.group(2), m.group(3));
  }

  /** The name of one of this service's revisions. */
  public RevisionName revision(String revision) {
    return new RevisionName(project, location, service, revision);
  }

  @Override
  public String toString() {
    return "projects/" + project + "/locations/" + location + "/services/" + service;
  }
}
