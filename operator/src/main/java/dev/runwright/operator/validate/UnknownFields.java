package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Finds fields the schema does not declare. The apiserver prunes them silently, and kubectl's
 * default strict field validation refuses them: both mean a typo that would be lost.
 */
final class UnknownFields {
  private static final Set<String> OBJECT_META_FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "labels",
          "annotations",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "ownerReferences",
          "finalizers",
          "managedFields",
          "selfLink");

  private static final Set<String> TOP_LEVEL_FIELDS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");

  private UnknownFields() {}

  static void findAtRoot(JsonNode object, SchemaNode schema, List<String> unknown) {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!TOP_LEVEL_FIELDS.contains(name) && schema.property(name).isEmpty()) {
                unknown.add(name);
              }
            });
    object
        .path("metadata")
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!OBJECT_META_FIELDS.contains(name)) {
                unknown.add("metadata." + name);
              }
            });
    if (object.has("spec")) {
      schema.property("spec").ifPresent(spec -> find(object.get("spec"), spec, "spec", unknown));
    }
  }

  static void find(JsonNode value, SchemaNode schema, String path, List<String> unknown) {
    if (schema.preservesUnknownFields() || schema.isEmbeddedResource()) {
      return;
    }
    if (value.isObject() && schema.hasProperties()) {
      value
          .properties()
          .forEach(
              field ->
                  schema
                      .property(field.getKey())
                      .ifPresentOrElse(
                          property ->
                              find(
                                  field.getValue(),
                                  property,
                                  FieldPath.child(path, field.getKey()),
                                  unknown),
                          () -> unknown.add(FieldPath.child(path, field.getKey()))));
    } else if (value.isObject() && schema.additionalProperties().isPresent()) {
      value
          .properties()
          .forEach(
              field ->
                  find(
                      field.getValue(),
                      schema.additionalProperties().get(),
                      FieldPath.key(path, field.getKey()),
                      unknown));
    } else if (value.isArray() && schema.items().isPresent()) {
      for (int i = 0; i < value.size(); i++) {
        find(value.get(i), schema.items().get(), FieldPath.index(path, i), unknown);
      }
    }
  }
}
