package dev.runwright.operator.gcp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code projects/{project}/locations/{location}}: the parent of regional resources. */
public record LocationName(String project, String location) {

  private static final Pattern FORM = Pattern.compile("projects/([^/]+)/locations/([^/]+)");

  public LocationName {
    ResourceNameSegments.require("project", project);
    ResourceNameSegments.require("location", location);
  }

  public static LocationName parse(String name) {
    Matcher m = FORM.matcher(name);
    if (!m.matches()) {
      throw ResourceNameSegments.malformed(name, "projects/{project}/locations/{location}");
    }
    return new LocationName(m.group(1), m.group(2));
  }

  @Override
  public String toString() {
    return "projects/" + project + "/locations/" + location;
  }
}
