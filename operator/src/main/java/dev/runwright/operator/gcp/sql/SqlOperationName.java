package dev.runwright.operator.gcp.sql;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code projects/{project}/operations/{operation}}: a Cloud SQL operation, kept to be read again
 * later (also after a restart). Instance creation takes minutes; nothing waits for it.
 */
public record SqlOperationName(String project, String operation) {

  private static final Pattern FORM = Pattern.compile("projects/([^/]+)/operations/([^/]+)");

  public SqlOperationName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("operation", operation);
  }

  public static SqlOperationName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(name, "projects/{project}/operations/{operation}");
    }
    return new SqlOperationName(m.group(1), m.group(2));
  }

  @Override
  public String toString() {
    return "projects/" + project + "/operations/" + operation;
  }
}
