package dev.runwright.emulator.local;

/** The last segment of a Google resource name. */
final class ResourceIds {
  private ResourceIds() {}

  static String last(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
