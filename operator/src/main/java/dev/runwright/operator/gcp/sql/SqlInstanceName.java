package dev.runwright.operator.gcp.sql;

import dev.runwright.operator.gcp.ResourceNameSegments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code projects/{project}/instances/{instance}}, the identity of a Cloud SQL instance. */
public record SqlInstanceName(String project, String instance) {

  private static final Pattern FORM = Pattern.compile("projects/([^/]+)/instances/([^/]+)");

  public SqlInstanceName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("instance", instance);
  }

  public static SqlInstanceName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(name, "projects/{project}/instances/{instance}");
    }
    return new SqlInstanceName(m.group(1), m.group(2));
  }

  public SqlDatabaseName database(String database) {
    return new SqlDatabaseName(this, database);
  }

  /**
   * A MySQL user of this instance; {@code %} is "from any host", what Cloud Run connections need.
   */
  public SqlUserName user(String user, String host) {
    return new SqlUserName(this, user, host);
  }

  @Override
  public String toString() {
    return "projects/" + project + "/instances/" + instance;
  }
}
