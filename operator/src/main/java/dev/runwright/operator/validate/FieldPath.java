package dev.runwright.operator.validate;

/** Field paths in the apiserver's notation: spec.env[0].name, metadata.labels[app]. */
final class FieldPath {
  private FieldPath() {}

  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static String key(String parent, String key) {
    return parent + "[" + key + "]";
  }

  /** Appends a CEL rule's fieldPath (".image", ".env[0]") to the path of the rule's node. */
  static String withRelative(String parent, String relative) {
    if (relative == null || relative.isEmpty()) {
      return parent;
    }
    String trimmed = relative.startsWith(".") ? relative.substring(1) : relative;
    return parent.isEmpty() ? trimmed : parent + "." + trimmed;
  }
}
