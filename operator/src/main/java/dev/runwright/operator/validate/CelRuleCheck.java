package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a CRD's x-kubernetes-validations (CEL) rules offline, with the apiserver's semantics:
 * each rule runs at its schema node with `self` bound to the value there; transition rules (those
 * using `oldSelf`) run only on updates, where the old value exists at the same path.
 *
 * <p>Supports CEL's standard library, macros and the strings extension; the Kubernetes-only
 * libraries (quantity, url, ip, isSorted, ...) are not available, and the Runwright CRDs do not use
 * them. A rule that fails to compile is reported, never silently skipped.
 */
final class CelRuleCheck {
  /** A broken rule, with the apiserver's wording. */
  record Finding(String field, String message) {}

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addCompilerLibraries(CelExtensions.strings())
          .addRuntimeLibraries(CelExtensions.strings())
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();

  private static final Map<String, Object> PROGRAMS = new ConcurrentHashMap<>();

  private CelRuleCheck() {}

  /**
   * Checks every rule in the tree under {@code schema}.
   *
   * @param oldValue the previous object at the same path on an update, or null on create
   */
  static List<Finding> check(JsonNode value, JsonNode oldValue, SchemaNode schema, String path) {
    List<Finding> findings = new ArrayList<>();
    walk(value, oldValue, schema, path, findings);
    return findings;
  }

  private static void walk(
      JsonNode value, JsonNode oldValue, SchemaNode schema, String path, List<Finding> findings) {
    if (value == null || value.isNull() || value.isMissingNode() || !schema.accepts(value)) {
      return;
    }
    JsonNode old = oldValue != null && schema.accepts(oldValue) ? oldValue : null;
    for (JsonNode rule : schema.validations()) {
      evaluate(rule, value, old, schema, path).ifPresent(findings::add);
    }
    if (value.isObject() && schema.hasProperties()) {
      value
          .properties()
          .forEach(
              field ->
                  schema
                      .property(field.getKey())
                      .ifPresent(
                          property ->
                              walk(
                                  field.getValue(),
                                  old == null ? null : old.get(field.getKey()),
                                  property,
                                  FieldPath.child(path, field.getKey()),
                                  findings)));
    } else if (value.isObject() && schema.additionalProperties().isPresent()) {
      value
          .properties()
          .forEach(
              field ->
                  walk(
                      field.getValue(),
                      old == null ? null : old.get(field.getKey()),
                      schema.additionalProperties().get(),
                      FieldPath.key(path, field.getKey()),
                      findings));
    } else if (value.isArray() && schema.items().isPresent()) {
      // List items are not correlated with old items (no x-kubernetes-list-type: map here), so
      // transition rules inside lists do not run, as in the apiserver.
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), null, schema.items().get(), FieldPath.index(path, i), findings);
      }
    }
  }

  private static Optional<Finding> evaluate(
      JsonNode rule, JsonNode value, JsonNode old, SchemaNode schema, String path) {
    String expression = rule.path("rule").asText();
    boolean transition = expression.contains("oldSelf");
    if (transition && old == null) {
      return Optional.empty();
    }
    String field = FieldPath.withRelative(path, rule.path("fieldPath").asText(""));
    String prefix = "Invalid value: \"" + schema.type() + "\": ";
    Object program = PROGRAMS.computeIfAbsent(expression, CelRuleCheck::compile);
    if (program instanceof String compileError) {
      return Optional.of(
          new Finding(field, prefix + "rule cannot be compiled offline: " + compileError));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", toCel(value));
    if (transition) {
      variables.put("oldSelf", toCel(old));
    }
    try {
      Object result = ((CelRuntime.Program) program).eval(variables);
      if (Boolean.TRUE.equals(result)) {
        return Optional.empty();
      }
      if (!(result instanceof Boolean)) {
        return Optional.of(
            new Finding(field, prefix + "rule did not evaluate to a bool: " + expression));
      }
      String message = rule.path("message").asText("");
      return Optional.of(
          new Finding(
              field, prefix + (message.isEmpty() ? "failed rule: " + expression : message)));
    } catch (CelEvaluationException e) {
      return Optional.of(
          new Finding(field, prefix + "rule could not be evaluated: " + e.getMessage()));
    }
  }

  /** A compiled program, or the compile error as a String (cached either way). */
  private static Object compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
      return CEL.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      return e.getMessage();
    }
  }

  /** JSON to CEL values: objects to maps, arrays to lists, integers to int (long). */
  static Object toCel(JsonNode node) {
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
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNull()) {
      return dev.cel.common.values.NullValue.NULL_VALUE;
    }
    return node.asText();
  }
}
