package dev.runwright.operator.gcp;

import java.util.regex.Pattern;

/** Checks the segments of Google resource names ({@code projects/{p}/locations/{l}/...}). */
public final class ResourceNameSegments {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~%:-]*");

  private ResourceNameSegments() {}

  /**
   * @throws IllegalArgumentException if {@code value} is empty or could not be one path segment
   */
  public static String require(String what, String value) {
    if (value == null || !SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " '" + value + "' is not a valid resource name segment");
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException naming the expected form
   */
  public static IllegalArgumentException malformed(String name, String expectedForm) {
    return new IllegalArgumentException(
        "'" + name + "' is not a resource name of the form " + expectedForm);
  }
}
