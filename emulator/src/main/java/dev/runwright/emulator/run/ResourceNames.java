package dev.runwright.emulator.run;

import dev.runwright.emulator.http.ApiException;

/** Splits Cloud Run resource names ({@code projects/P/locations/L/services/S/...}). */
final class ResourceNames {
  private ResourceNames() {}

  /** Project, location and the id of the first resource under the location. */
  record Parsed(String project, String location, String id) {
    String locationName() {
      return "projects/" + project + "/locations/" + location;
    }
  }

  static Parsed parse(String name) {
    String[] parts = name.split("/");
    if (parts.length < 6 || !parts[0].equals("projects") || !parts[2].equals("locations")) {
      throw ApiException.invalidArgument("name", "Invalid resource name '" + name + "'.");
    }
    return new Parsed(parts[1], parts[3], parts[5]);
  }

  static String last(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** A Cloud Logging link for a revision or execution, shaped like the console's. */
  static String logUri(String resource) {
    Parsed id = parse(resource);
    return "https://console.cloud.google.com/logs/viewer?project="
        + id.project()
        + "&resource=cloud_run&advancedFilter="
        + last(resource);
  }
}
