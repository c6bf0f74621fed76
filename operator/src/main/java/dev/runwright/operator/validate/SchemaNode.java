package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Read access to one node of a structural (Kubernetes) OpenAPI v3 schema. */
record SchemaNode(JsonNode json) {

  String type() {
    return json.path("type").asText("");
  }

  Optional<SchemaNode> property(String name) {
    JsonNode property = json.path("properties").path(name);
    return property.isObject() ? Optional.of(new SchemaNode(property)) : Optional.empty();
  }

  boolean hasProperties() {
    return json.path("properties").isObject();
  }

  Optional<SchemaNode> items() {
    JsonNode items = json.path("items");
    return items.isObject() ? Optional.of(new SchemaNode(items)) : Optional.empty();
  }

  Optional<SchemaNode> additionalProperties() {
    JsonNode additional = json.path("additionalProperties");
    return additional.isObject() ? Optional.of(new SchemaNode(additional)) : Optional.empty();
  }

  boolean preservesUnknownFields() {
    return json.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  boolean isEmbeddedResource() {
    return json.path("x-kubernetes-embedded-resource").asBoolean(false);
  }

  JsonNode validations() {
    return json.path("x-kubernetes-validations");
  }

  /** Whether a value has the JSON type the schema declares (integers are numbers too). */
  boolean accepts(JsonNode value) {
    return switch (type()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }
}
