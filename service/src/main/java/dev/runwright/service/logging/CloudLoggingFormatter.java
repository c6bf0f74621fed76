package dev.runwright.service.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per line in the shape Cloud Logging parses from stdout: {@code severity}, {@code
 * message}, {@code time}, {@code logging.googleapis.com/trace} and {@code httpRequest}.
 */
public final class CloudLoggingFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"severity\":\"").append(severity(record.getLevel())).append('"');
    json.append(",\"time\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
    String message = formatMessage(record);
    if (record.getThrown() != null) {
      // Error Reporting picks the stack trace up from the message.
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      message = message + "\n" + trace;
    }
    json.append(",\"message\":");
    quote(json, message);
    json.append(",\"logger\":");
    quote(json, record.getLoggerName() == null ? "" : record.getLoggerName());
    RequestTrace.current()
        .ifPresent(
            t -> {
              json.append(",\"logging.googleapis.com/trace\":");
              quote(json, t.trace());
              t.spanId()
                  .ifPresent(
                      s -> {
                        json.append(",\"logging.googleapis.com/spanId\":");
                        quote(json, s);
                      });
              json.append(",\"logging.googleapis.com/trace_sampled\":").append(t.sampled());
            });
    Object[] params = record.getParameters();
    if (params != null && params.length == 1 && params[0] instanceof HttpRequestEntry http) {
      json.append(",\"httpRequest\":{\"requestMethod\":");
      quote(json, http.method());
      json.append(",\"requestUrl\":");
      quote(json, http.url());
      json.append(",\"status\":").append(http.status());
      json.append(",\"latency\":\"")
          .append(String.format(java.util.Locale.ROOT, "%.6fs", http.latency().toNanos() / 1e9))
          .append('"');
      json.append(",\"remoteIp\":");
      quote(json, http.remoteIp());
      if (http.userAgent() != null) {
        json.append(",\"userAgent\":");
        quote(json, http.userAgent());
      }
      json.append(",\"protocol\":");
      quote(json, http.protocol());
      json.append('}');
    }
    return json.append("}\n").toString();
  }

  @Override
  public String formatMessage(LogRecord record) {
    Object[] params = record.getParameters();
    if (params != null && params.length == 1 && params[0] instanceof HttpRequestEntry) {
      return record.getMessage();
    }
    return super.formatMessage(record);
  }

  static String severity(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (v >= Level.WARNING.intValue()) {
      return "WARNING";
    }
    if (v >= Level.INFO.intValue()) {
      return "INFO";
    }
    return "DEBUG";
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
