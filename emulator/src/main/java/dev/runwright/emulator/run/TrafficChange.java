package dev.runwright.emulator.run;

import java.time.Instant;
import java.util.List;

/**
 * The routes of a Cloud Run service from {@code at} (emulator clock) on: every revision that gets
 * traffic or a tag. No routes means the service was deleted.
 */
public record TrafficChange(Instant at, String service, List<Route> routes) {
  public TrafficChange {
    routes = List.copyOf(routes);
  }

  /**
   * One traffic target: the revision's full name (LATEST already resolved), the image of its first
   * container, its percent and its tag (empty for none).
   */
  public record Route(String revision, String image, int percent, String tag) {}
}
