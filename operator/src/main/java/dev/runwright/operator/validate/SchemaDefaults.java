package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Applies schema defaults the way the apiserver does before validation, so CEL rules see the same
 * values offline (e.g. a defaulted managementPolicy).
 */
final class SchemaDefaults {
  private SchemaDefaults() {}

  static void apply(JsonNode value, SchemaNode schema) {
    if (value.isObject() && schema.hasProperties()) {
      ObjectNode object = (ObjectNode) value;
      for (Map.Entry<String, JsonNode> property : schema.json().path("properties").properties()) {
        JsonNode defaultValue = property.getValue().get("default");
        if (defaultValue != null && !object.has(property.getKey())) {
          object.set(property.getKey(), defaultValue.deepCopy());
        }
      }
      object
          .properties()
          .forEach(
              field -> schema.property(field.getKey()).ifPresent(p -> apply(field.getValue(), p)));
    } else if (value.isObject()) {
      schema
          .additionalProperties()
          .ifPresent(additional -> value.forEach(child -> apply(child, additional)));
    } else if (value.isArray()) {
      schema.items().ifPresent(items -> value.forEach(item -> apply(item, items)));
    }
  }
}
