package dev.runwright.operator.gcp;

import java.util.Objects;
import java.util.Optional;

/**
 * One call to a Google API, as the rate limiter, the metrics and the error translation see it.
 *
 * @param api the API called
 * @param method the RPC name, e.g. {@code getService}
 * @param kind read, create or other write
 * @param region the region the call is billed to, for APIs whose quota is per region
 */
public record GoogleCall(GoogleApi api, String method, CallKind kind, Optional<String> region) {

  public GoogleCall {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(region, "region");
  }

  public static GoogleCall of(GoogleApi api, String method, CallKind kind) {
    return new GoogleCall(api, method, kind, Optional.empty());
  }

  public static GoogleCall inRegion(GoogleApi api, String method, CallKind kind, String region) {
    return new GoogleCall(api, method, kind, Optional.of(region));
  }

  /** How messages name the call, e.g. {@code Cloud Run getService}. */
  public String describe() {
    return api.displayName() + " " + method;
  }
}
