package dev.runwright.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The Argo CD Lua health check and the Flux health expressions shipped in crds/health give the same
 * verdicts, and both honour observedGeneration (a stale Ready=True is not healthy).
 */
class HealthChecksTest {
  private static final Path HEALTH = Path.of("..", "crds", "health");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("no status yet", "{}", "Progressing", "InProgress"),
        Arguments.of(
            "stale Ready=True after a spec change",
            "{observedGeneration: 1, conditions: [{type: Ready, status: 'True', observedGeneration: 1}]}",
            "Progressing",
            "InProgress"),
        Arguments.of(
            "Ready=True for the current generation",
            "{observedGeneration: 2, conditions: [{type: Ready, status: 'True', observedGeneration: 2,"
                + " reason: Ready, message: serving}]}",
            "Healthy",
            "Current"),
        Arguments.of(
            "Stalled, e.g. a failed migration",
            "{observedGeneration: 2, conditions: [{type: Ready, status: 'False', reason: MigrationFailed},"
                + " {type: Stalled, status: 'True', reason: MigrationFailed, message: 'migration failed'}]}",
            "Degraded",
            "Failed"),
        Arguments.of(
            "Reconciling, e.g. a stepped rollout",
            "{observedGeneration: 2, conditions: [{type: Ready, status: 'False'},"
                + " {type: Reconciling, status: 'True', reason: Promoting}]}",
            "Progressing",
            "InProgress"),
        Arguments.of(
            "Ready=False without Reconciling or Stalled",
            "{observedGeneration: 2, conditions: [{type: Ready, status: 'False', reason: MigrationPending}]}",
            "Progressing",
            "InProgress"),
        Arguments.of(
            "Ready condition computed for an older generation",
            "{observedGeneration: 2, conditions: [{type: Ready, status: 'True', observedGeneration: 1}]}",
            "Progressing",
            "InProgress"));
  }

  private static JsonNode object(String status) throws Exception {
    JsonNode object =
        YAML.readTree(
            "apiVersion: runwright.dev/v1alpha1\nkind: CloudRunService\n"
                + "metadata: {name: svc, generation: 2}\nspec: {region: asia-east1}\n");
    JsonNode statusNode = YAML.readTree(status);
    if (statusNode.size() > 0) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) object).set("status", statusNode);
    }
    return object;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void argoCdLuaHealth(String scenario, String status, String argo, String flux) throws Exception {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(object(status)));
    LuaValue health =
        globals.load(Files.readString(HEALTH.resolve("argocd-health.lua")), "health").call();

    assertThat(health.get("status").tojstring()).isEqualTo(argo);
    assertThat(health.get("message").isstring()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void fluxHealthExpressions(String scenario, String status, String argo, String flux)
      throws Exception {
    JsonNode kustomization = YAML.readTree(HEALTH.resolve("flux-health-checks.yaml").toFile());
    JsonNode checks = kustomization.path("spec").path("healthCheckExprs");
    assertThat(checks).hasSize(3);
    for (JsonNode check : checks) {
      assertThat(fluxStatus(check, object(status))).as(check.path("kind").asText()).isEqualTo(flux);
    }
  }

  @Test
  void argoCdConfigMapEmbedsTheSameScriptForEveryKind() throws Exception {
    String script = Files.readString(HEALTH.resolve("argocd-health.lua"));
    JsonNode data = YAML.readTree(HEALTH.resolve("argocd-cm.yaml").toFile()).path("data");
    for (String kind : List.of("CloudSqlDatabase", "MigrationJob", "CloudRunService")) {
      assertThat(data.path("resource.customizations.health.runwright.dev_" + kind).asText())
          .isEqualTo(script);
    }
  }

  /** Flux's order: inProgress, then failed, then current; none matching means in progress. */
  private static String fluxStatus(JsonNode check, JsonNode object) throws Exception {
    Cel cel =
        CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("apiVersion", SimpleType.DYN)
            .addVar("kind", SimpleType.DYN)
            .addVar("metadata", SimpleType.DYN)
            .addVar("spec", SimpleType.DYN)
            .addVar("status", SimpleType.DYN)
            .build();
    Map<String, Object> variables = new LinkedHashMap<>();
    object.properties().forEach(field -> variables.put(field.getKey(), toCel(field.getValue())));
    variables.putIfAbsent("status", Map.of());
    for (String[] verdict :
        new String[][] {
          {"inProgress", "InProgress"}, {"failed", "Failed"}, {"current", "Current"}
        }) {
      String expression = check.path(verdict[0]).asText();
      Object result = cel.createProgram(cel.compile(expression).getAst()).eval(variables);
      if (Boolean.TRUE.equals(result)) {
        return verdict[1];
      }
    }
    return "InProgress";
  }

  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(field -> map.put(field.getKey(), toCel(field.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCel(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    return node.isBoolean() ? (Object) node.asBoolean() : node.asText();
  }

  private static LuaValue toLua(JsonNode node) {
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      node.properties().forEach(field -> table.set(field.getKey(), toLua(field.getValue())));
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isIntegralNumber()) {
      return LuaValue.valueOf(node.asLong());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    return LuaValue.valueOf(node.asText());
  }
}
