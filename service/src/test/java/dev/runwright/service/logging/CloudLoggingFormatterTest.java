package dev.runwright.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudLoggingFormatterTest {
  private final CloudLoggingFormatter formatter = new CloudLoggingFormatter();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void clearTrace() {
    RequestTrace.clear();
  }

  private JsonNode format(LogRecord record) throws Exception {
    String line = formatter.format(record);
    assertThat(line).endsWith("}\n").doesNotContain("\n{");
    return json.readTree(line);
  }

  @Test
  void severityMessageAndEscaping() throws Exception {
    LogRecord record = new LogRecord(Level.WARNING, "quote \" backslash \\ newline \n tab \t {0}");
    record.setParameters(new Object[] {"x"});
    record.setLoggerName("test");
    JsonNode line = format(record);
    assertThat(line.get("severity").asText()).isEqualTo("WARNING");
    assertThat(line.get("message").asText()).isEqualTo("quote \" backslash \\ newline \n tab \t x");
    assertThat(line.get("time").asText()).endsWith("Z");
  }

  @Test
  void levelsMapToCloudLoggingSeverities() {
    assertThat(CloudLoggingFormatter.severity(Level.SEVERE)).isEqualTo("ERROR");
    assertThat(CloudLoggingFormatter.severity(Level.INFO)).isEqualTo("INFO");
    assertThat(CloudLoggingFormatter.severity(Level.FINE)).isEqualTo("DEBUG");
  }

  @Test
  void exceptionsGoIntoTheMessageForErrorReporting() throws Exception {
    LogRecord record = new LogRecord(Level.SEVERE, "failed");
    record.setThrown(new IllegalStateException("boom"));
    assertThat(format(record).get("message").asText())
        .startsWith("failed\njava.lang.IllegalStateException: boom");
  }

  @Test
  void traceFromTheCloudTraceHeaderWithTheProject() throws Exception {
    RequestTrace.parse("105445aa7843bc8bf206b12000100000/1;o=1", Optional.of("my-project"))
        .ifPresent(RequestTrace::set);
    JsonNode line = format(new LogRecord(Level.INFO, "hello"));
    assertThat(line.get("logging.googleapis.com/trace").asText())
        .isEqualTo("projects/my-project/traces/105445aa7843bc8bf206b12000100000");
    assertThat(line.get("logging.googleapis.com/spanId").asText()).isEqualTo("1");
    assertThat(line.get("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
  }

  @Test
  void malformedTraceHeadersAreIgnored() {
    assertThat(RequestTrace.parse("not-a-trace", Optional.empty())).isEmpty();
    assertThat(RequestTrace.parse("", Optional.empty())).isEmpty();
    assertThat(RequestTrace.parse("105445aa7843bc8bf206b12000100000", Optional.empty()))
        .hasValueSatisfying(t -> assertThat(t.spanId()).isEmpty());
  }

  @Test
  void accessLogLinesCarryHttpRequest() throws Exception {
    LogRecord record = new LogRecord(Level.INFO, "GET /healthz 200");
    record.setParameters(
        new Object[] {
          new HttpRequestEntry(
              "GET", "/healthz", 200, Duration.ofMillis(12), "10.0.0.1", "curl/8", "HTTP/1.1")
        });
    JsonNode http = format(record).get("httpRequest");
    assertThat(http.get("requestMethod").asText()).isEqualTo("GET");
    assertThat(http.get("status").asInt()).isEqualTo(200);
    assertThat(http.get("latency").asText()).isEqualTo("0.012000s");
    assertThat(http.get("remoteIp").asText()).isEqualTo("10.0.0.1");
  }
}
