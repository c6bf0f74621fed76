package dev.runwright.operator.gcp.run;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/locations/{location}/operations/{operation}}: a Cloud Run long-running
 * operation, kept to be read again later (also after a restart).
 */
public record RunOperationName(String project, String location, String operation) {

  private static final Pattern FORM =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/operations/([^/]+)");

  public RunOperationName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("location", location);
    ResourceNameSegments.require("operation", operation);
  }

  public static RunOperationName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(
          name, "projects/{project}/locations/{location}/operations/{operation}");
    }
    return new RunOperationName(m.group(1), m.group(2), m.group(3));
  }

  @Override
  public String toString() {
    return "projects/" + project + "/locations/" + location + "/operations/" + operation;
  }
}
