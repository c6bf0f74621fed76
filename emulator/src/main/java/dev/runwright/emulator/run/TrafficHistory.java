package dev.runwright.emulator.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change of any service's serving routes, in the order they happened, so a test can prove
 * afterwards which revision could have received traffic when. Append-only until cleared; publishing
 * the routes a service already has records nothing.
 */
public final class TrafficHistory {
  private final List<TrafficChange> changes = new ArrayList<>();
  private final Map<String, List<TrafficChange.Route>> current = new HashMap<>();

  /** Records that {@code service} now routes to {@code routes}, unless it already did. */
  synchronized void record(Instant at, String service, List<TrafficChange.Route> routes) {
    List<TrafficChange.Route> previous = current.getOrDefault(service, List.of());
    if (previous.equals(routes)) {
      return;
    }
    TrafficChange change = new TrafficChange(at, service, routes);
    changes.add(change);
    if (routes.isEmpty()) {
      current.remove(service);
    } else {
      current.put(service, change.routes());
    }
  }

  /** All changes so far, oldest first; an immutable copy. */
  public synchronized List<TrafficChange> changes() {
    return List.copyOf(changes);
  }

  synchronized void clear() {
    changes.clear();
    current.clear();
  }
}
