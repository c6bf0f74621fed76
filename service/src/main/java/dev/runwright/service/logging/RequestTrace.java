package dev.runwright.service.logging;

import java.util.Optional;

/**
 * The Cloud Trace context of the request being handled on this thread (each request has its own
 * virtual thread), so every log line written while handling it carries the trace.
 */
public record RequestTrace(String trace, Optional<String> spanId, boolean sampled) {
  private static final ThreadLocal<RequestTrace> CURRENT = new ThreadLocal<>();

  /**
   * Parses {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=OPTIONS}. The trace is written as
   * {@code projects/PROJECT/traces/TRACE_ID} when the project is known, as Cloud Logging expects.
   */
  public static Optional<RequestTrace> parse(String header, Optional<String> project) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String[] optionsSplit = header.split(";", 2);
    String[] ids = optionsSplit[0].split("/", 2);
    String traceId = ids[0].trim();
    if (!traceId.matches("[0-9a-fA-F]{32}")) {
      return Optional.empty();
    }
    Optional<String> span =
        ids.length == 2 && ids[1].trim().matches("\\d{1,20}")
            ? Optional.of(ids[1].trim())
            : Optional.empty();
    boolean sampled = optionsSplit.length == 2 && optionsSplit[1].trim().equals("o=1");
    String trace = project.map(p -> "projects/" + p + "/traces/" + traceId).orElse(traceId);
    return Optional.of(new RequestTrace(trace, span, sampled));
  }

  public static Optional<RequestTrace> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static void set(RequestTrace trace) {
    CURRENT.set(trace);
  }

  public static void clear() {
    CURRENT.remove();
  }
}
