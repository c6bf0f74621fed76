package dev.runwright.service.http;

import dev.runwright.service.logging.HttpRequestEntry;
import dev.runwright.service.logging.RequestTrace;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One access log line per request, with the request's trace, and a few safe default headers. */
public final class AccessLogFilter implements Filter {
  private static final Logger LOG = Logger.getLogger("dev.runwright.service.access");
  private static final HeaderName TRACE_HEADER = HeaderNames.create("X-Cloud-Trace-Context");

  private final Optional<String> project;

  public AccessLogFilter(Optional<String> project) {
    this.project = project;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long start = System.nanoTime();
    // Captured now: routing rewrites the path relative to the matched service.
    String query = req.query().rawValue();
    String url = req.path().rawPath() + (query.isEmpty() ? "" : "?" + redactQuery(query));
    RequestTrace.parse(req.headers().first(TRACE_HEADER).orElse(null), project)
        .ifPresent(RequestTrace::set);
    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    try {
      chain.proceed();
    } finally {
      if (LOG.isLoggable(Level.INFO)) {
        HttpRequestEntry entry =
            new HttpRequestEntry(
                req.prologue().method().text(),
                url,
                res.status().code(),
                Duration.ofNanos(System.nanoTime() - start),
                ClientAddress.peer(req),
                req.headers().first(HeaderNames.USER_AGENT).orElse(null),
                req.prologue().protocol() + "/" + req.prologue().protocolVersion());
        LogRecord record =
            new LogRecord(Level.INFO, entry.method() + " " + entry.url() + " " + entry.status());
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {entry});
        LOG.log(record);
      }
      RequestTrace.clear();
    }
  }

  /** Query strings are not expected to carry secrets here, but never log one if they do. */
  private static String redactQuery(String query) {
    return query.replaceAll("(?i)((?:password|token|refresh_token|access_token)=)[^&]*", "$1***");
  }
}
