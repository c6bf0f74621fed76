package dev.runwright.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineLayoutTest {
  @Test
  void writesOneCloudLoggingShapedObjectPerLine() throws Exception {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("dev.runwright.Test"),
            Level.WARN,
            "created {} in \"{}\"",
            null,
            new Object[] {"instance", "asia-east1"});
    event.setMDCPropertyMap(Map.of("resource.name", "db", "resource.namespace", "shop"));

    String line = new JsonLineLayout().doLayout(event);

    assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("severity").asText()).isEqualTo("WARNING");
    assertThat(json.get("message").asText()).isEqualTo("created instance in \"asia-east1\"");
    assertThat(json.get("logger").asText()).isEqualTo("dev.runwright.Test");
    assertThat(json.at("/context/resource.name").asText()).isEqualTo("db");
    assertThat(json.at("/context/resource.namespace").asText()).isEqualTo("shop");
    assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }
}
