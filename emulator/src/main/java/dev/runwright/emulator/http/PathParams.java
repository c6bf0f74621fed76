package dev.runwright.emulator.http;

import java.util.regex.Matcher;

/** The named segments captured from a request path. */
public final class PathParams {
  private final Matcher matcher;

  PathParams(Matcher matcher) {
    this.matcher = matcher;
  }

  public String get(String name) {
    return matcher.group(name);
  }
}
