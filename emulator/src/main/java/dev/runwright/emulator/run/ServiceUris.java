package dev.runwright.emulator.run;

/**
 * Deterministic service URLs in Cloud Run's current format: {@code
 * https://SERVICE-PROJECT_NUMBER.REGION.run.app}, and {@code https://TAG---SERVICE-...} for traffic
 * tags.
 */
final class ServiceUris {
  private ServiceUris() {}

  static String service(String service, long projectNumber, String region) {
    return "https://" + service + "-" + projectNumber + "." + region + ".run.app";
  }

  static String tag(String tag, String service, long projectNumber, String region) {
    return "https://" + tag + "---" + service + "-" + projectNumber + "." + region + ".run.app";
  }
}
