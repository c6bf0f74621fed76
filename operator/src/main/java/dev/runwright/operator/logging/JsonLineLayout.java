package dev.runwright.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line in the shape Cloud Logging and most collectors parse: {@code severity},
 * {@code message}, {@code time}, {@code logger}, and the reconciled resource from JOSDK's MDC.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String doLayout(ILoggingEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    line.put("severity", severity(event.getLevel()));
    line.put("logger", event.getLoggerName());
    String message = event.getFormattedMessage();
    if (event.getThrowableProxy() != null) {
      message = message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }
    line.put("message", message);
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      line.put("context", mdc);
    }
    try {
      return JSON.writeValueAsString(line) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      return "{\"severity\":\"ERROR\",\"message\":\"unserialisable log line\"}"
          + System.lineSeparator();
    }
  }

  private static String severity(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "ERROR";
      case Level.WARN_INT -> "WARNING";
      case Level.INFO_INT -> "INFO";
      default -> "DEBUG";
    };
  }
}
