package dev.runwright.emulator.run.runtime;

import java.util.List;

/**
 * Where a service's URLs lead. The API-only emulator reports Google's URL forms and routes nothing;
 * local mode serves each service URL and tag URL as a local HTTP endpoint that follows the routes.
 */
public interface ServiceRouter {
  /** The service's {@code uri}; {@code googleUri} is the form Cloud Run would report. */
  default String serviceUri(String service, String googleUri) {
    return googleUri;
  }

  /** A traffic tag's {@code uri}; {@code googleUri} is the form Cloud Run would report. */
  default String tagUri(String service, String tag, String googleUri) {
    return googleUri;
  }

  /**
   * The service's routes became ready ({@code trafficStatuses} now follow {@code traffic}), with
   * LATEST resolved to a revision. Called under the Cloud Run store's lock: must not block.
   */
  default void routesChanged(String service, List<Route> routes) {}

  /** The service was deleted. */
  default void serviceDeleted(String service) {}

  /** One traffic target: a revision's full name, its percent and its tag (empty for none). */
  record Route(String revision, int percent, String tag) {}

  static ServiceRouter none() {
    return new ServiceRouter() {};
  }
}
