package dev.runwright.operator.gcp.run;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/locations/{location}/services/{service}/revisions/{revision}}, one
 * immutable revision of a service.
 */
public record RevisionName(String project, String location, String service, String revision) {

  private static final Pattern FORM =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/services/([^/]+)/revisions/([^/]+)");

  public RevisionName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("location", location);
    ResourceNameSegments.require("service", service);
    ResourceNameSegments.require("revision", revision);
  }

  public static RevisionName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/locations/{location}/services/{service}/revisions/{revision}");
    }
    return new RevisionName(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  public ServiceName serviceName() {
    return new ServiceName(project, location, service);
  }

  @Override
  public String toString() {
    return "projects/"
        + project
        + "/locations/"
        + location
        + "/services/"
        + service
        + "/revisions/"
        + revision;
  }
}
