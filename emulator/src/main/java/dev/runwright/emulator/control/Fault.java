package dev.runwright.emulator.control;

import java.time.Duration;

/**
 * An injected failure for calls whose method name matches {@code method} (exact, a prefix ending in
 * {@code *}, or {@code *}) and whose path contains {@code resource} (when set). It answers {@code
 * httpStatus} (0: no error), after {@code delay}; {@code hang} holds the connection open and then
 * drops it without an answer. It applies to the next {@code times} matching calls (negative: every
 * call), each with {@code probability}.
 */
public record Fault(
    String method,
    String resource,
    int httpStatus,
    long retryAfterSeconds,
    Duration delay,
    boolean hang,
    int times,
    double probability) {

  public Fault {
    method = method == null || method.isBlank() ? "*" : method;
    delay = delay == null ? Duration.ZERO : delay;
    probability = probability <= 0 ? 1.0 : probability;
  }

  /** The next {@code times} calls of {@code method} answer {@code httpStatus}. */
  public static Fault status(String method, int httpStatus, int times) {
    return new Fault(method, null, httpStatus, 0, Duration.ZERO, false, times, 1.0);
  }

  /**
   * The next {@code times} calls of {@code method} answer 429 with a {@code Retry-After} header.
   */
  public static Fault rateLimited(String method, int times, long retryAfterSeconds) {
    return new Fault(method, null, 429, retryAfterSeconds, Duration.ZERO, false, times, 1.0);
  }

  /** Every call of {@code method} is answered normally, but only after {@code delay}. */
  public static Fault latency(String method, Duration delay) {
    return new Fault(method, null, 0, 0, delay, false, -1, 1.0);
  }

  /**
   * The next {@code times} calls of {@code method} never get an answer; the connection drops after
   * {@code hold}.
   */
  public static Fault hang(String method, Duration hold, int times) {
    return new Fault(method, null, 0, 0, hold, true, times, 1.0);
  }

  public Fault onResource(String pathFragment) {
    return new Fault(
        method, pathFragment, httpStatus, retryAfterSeconds, delay, hang, times, probability);
  }

  public Fault withProbability(double p) {
    return new Fault(method, resource, httpStatus, retryAfterSeconds, delay, hang, times, p);
  }

  boolean matches(String calledMethod, String path) {
    boolean methodMatches =
        method.equals("*")
            || method.equals(calledMethod)
            || (method.endsWith("*")
                && calledMethod.startsWith(method.substring(0, method.length() - 1)));
    return methodMatches && (resource == null || resource.isEmpty() || path.contains(resource));
  }
}
