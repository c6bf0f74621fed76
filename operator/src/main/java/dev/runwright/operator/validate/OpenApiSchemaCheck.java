package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a custom resource against its CRD's OpenAPI v3 schema (types, required fields, enums,
 * patterns, ranges, sizes) with networknt's OpenAPI 3.0 dialect, and words each finding the way the
 * apiserver does.
 */
final class OpenApiSchemaCheck {
  /**
   * A finding, with whether it blocks the CEL rules: the apiserver skips them after a type error or
   * an unsupported enum value.
   */
  record Finding(String field, String message, boolean blocksRules) {}

  private static final ObjectMapper JACKSON2 = new ObjectMapper();
  private static final JsonMapper JACKSON3 = JsonMapper.builder().build();

  /**
   * Kubernetes' extensions are checked elsewhere (or not at all); networknt must only skip them.
   */
  private static final List<String> KUBERNETES_KEYWORDS =
      List.of(
          "x-kubernetes-validations",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-embedded-resource",
          "x-kubernetes-int-or-string",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-map-type");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getOpenApi30())
              .keywords(KUBERNETES_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
              .build());

  private final SchemaNode root;
  private final Schema schema;

  OpenApiSchemaCheck(SchemaNode root) {
    this.root = root;
    this.schema = REGISTRY.getSchema(toJackson3(root.json()));
  }

  List<Finding> check(JsonNode object) {
    List<Finding> findings = new ArrayList<>();
    for (Error error : schema.validate(toJackson3(object))) {
      findings.add(describe(error, object));
    }
    return findings;
  }

  private Finding describe(Error error, JsonNode object) {
    List<Object> location = elements(error.getInstanceLocation());
    String field = render(location);
    JsonNode value = at(object, location);
    SchemaNode node = schemaAt(location).orElse(root);
    String keyword = String.valueOf(error.getKeyword());
    return switch (keyword) {
      case "required" ->
          new Finding(FieldPath.child(field, error.getProperty()), "Required value", false);
      case "type" ->
          new Finding(
              field,
              "Invalid value: \""
                  + jsonType(value)
                  + "\": "
                  + field
                  + " in body must be of type "
                  + node.type()
                  + ": \""
                  + jsonType(value)
                  + "\"",
              true);
      case "enum" ->
          new Finding(
              field,
              "Unsupported value: "
                  + value
                  + ": supported values: "
                  + StreamSupport.stream(node.json().path("enum").spliterator(), false)
                      .map(JsonNode::toString)
                      .collect(Collectors.joining(", ")),
              true);
      case "pattern" ->
          new Finding(
              field,
              invalid(value)
                  + field
                  + " in body should match '"
                  + node.json().path("pattern").asText()
                  + "'",
              false);
      case "minimum" ->
          new Finding(
              field,
              invalid(value)
                  + field
                  + " in body should be greater than or equal to "
                  + number(node.json().path("minimum")),
              false);
      case "maximum" ->
          new Finding(
              field,
              invalid(value)
                  + field
                  + " in body should be less than or equal to "
                  + number(node.json().path("maximum")),
              false);
      case "minLength" ->
          new Finding(
              field,
              invalid(value)
                  + field
                  + " in body should be at least "
                  + node.json().path("minLength").asInt()
                  + " chars long",
              false);
      case "maxLength" ->
          new Finding(
              field,
              "Too long: may not be more than " + node.json().path("maxLength").asInt() + " bytes",
              false);
      case "minItems" ->
          new Finding(
              field,
              invalid(value)
                  + field
                  + " in body should have at least "
                  + node.json().path("minItems").asInt()
                  + " items",
              false);
      case "maxItems" ->
          new Finding(
              field,
              "Too many: "
                  + value.size()
                  + ": must have at most "
                  + node.json().path("maxItems").asInt()
                  + " items",
              false);
      default -> new Finding(field, "Invalid value: " + error.getMessage(), false);
    };
  }

  private static String invalid(JsonNode value) {
    return "Invalid value: "
        + (value.isContainerNode() ? "\"" + jsonType(value) + "\"" : value)
        + ": ";
  }

  private static String number(JsonNode bound) {
    double value = bound.asDouble();
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  static String jsonType(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.isBoolean() ? "boolean" : "unknown";
  }

  private static List<Object> elements(NodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  private static String render(List<Object> location) {
    String path = "";
    for (Object element : location) {
      path =
          element instanceof Integer index
              ? FieldPath.index(path, index)
              : FieldPath.child(path, String.valueOf(element));
    }
    return path;
  }

  private static JsonNode at(JsonNode object, List<Object> location) {
    JsonNode node = object;
    for (Object element : location) {
      node =
          element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
    }
    return node;
  }

  private Optional<SchemaNode> schemaAt(List<Object> location) {
    Optional<SchemaNode> node = Optional.of(root);
    for (Object element : location) {
      node =
          element instanceof Integer
              ? node.flatMap(SchemaNode::items)
              : node.flatMap(n -> n.property(String.valueOf(element)).or(n::additionalProperties));
    }
    return node;
  }

  private static tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
    try {
      return JACKSON3.readTree(JACKSON2.writeValueAsString(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot convert a parsed document to JSON", e);
    }
  }
}
