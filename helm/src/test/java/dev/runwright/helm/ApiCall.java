package dev.runwright.helm;

/**
 * One request the apiserver answered, as its audit log records it.
 *
 * @param apiGroup empty for the core group
 * @param resource with its subresource, e.g. {@code cloudrunservices/status}
 * @param namespace empty for cluster-wide requests (e.g. a list across all namespaces)
 * @param name empty for collection requests
 * @param code the HTTP status of the response
 */
record ApiCall(
    String verb, String apiGroup, String resource, String namespace, String name, int code) {

  /** {@code group/resource:verb}, the form RBAC rules are compared in. */
  String permission() {
    return apiGroup + "/" + resource + ":" + verb;
  }

  boolean forbidden() {
    return code == 403;
  }

  @Override
  public String toString() {
    return verb
        + " "
        + apiGroup
        + "/"
        + resource
        + (namespace.isEmpty() ? "" : " in " + namespace)
        + (name.isEmpty() ? "" : " " + name)
        + " -> "
        + code;
  }
}
