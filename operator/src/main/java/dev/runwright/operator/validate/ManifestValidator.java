package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates one Runwright object the way the apiserver would on `kubectl apply`: metadata, unknown
 * fields, defaults, the OpenAPI schema, then the CEL rules (transition rules against the previous
 * version when one is given).
 */
public final class ManifestValidator {
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  /** Message the apiserver adds when type or enum errors keep it from running the CEL rules. */
  static final String RULES_NOT_CHECKED =
      "some validation rules were not checked because the object was invalid; correct the"
          + " existing errors to complete validation";

  private final CrdCatalog catalog;
  private final Map<String, OpenApiSchemaCheck> schemaChecks = new HashMap<>();

  public ManifestValidator(CrdCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Problems of {@code manifest}; {@code previous} is the version it replaces (for immutable fields
   * and other transition rules), empty for a create.
   */
  public List<Problem> validate(Manifest manifest, Optional<Manifest> previous) {
    List<Problem> problems = new ArrayList<>();
    Optional<CrdCatalog.KindVersion> kindVersion =
        catalog.find(manifest.apiVersion(), manifest.kind());
    if (kindVersion.isEmpty()) {
      problems.add(
          manifest.problem(
              Severity.ERROR,
              "",
              "no kind \""
                  + manifest.kind()
                  + "\" is registered for version \""
                  + manifest.apiVersion()
                  + "\"; known: "
                  + String.join(", ", catalog.kinds())));
      return problems;
    }
    if (!manifest.object().isObject()) {
      problems.add(manifest.problem(Severity.ERROR, "", "a document must be a YAML mapping"));
      return problems;
    }
    SchemaNode schema = new SchemaNode(kindVersion.get().schema());
    checkMetadata(manifest, problems);

    List<String> unknown = new ArrayList<>();
    UnknownFields.findAtRoot(manifest.object(), schema, unknown);
    unknown.forEach(
        field ->
            problems.add(
                manifest.problem(Severity.ERROR, field, "unknown field \"" + field + "\"")));

    // The apiserver ignores status on create and update (status subresource): so do we.
    ObjectNode object = withoutStatus(manifest.object());
    SchemaDefaults.apply(object, schema);
    boolean rulesBlocked = false;
    for (OpenApiSchemaCheck.Finding finding : schemaCheck(kindVersion.get()).check(object)) {
      rulesBlocked |= finding.blocksRules();
      problems.add(manifest.problem(Severity.ERROR, finding.field(), finding.message()));
    }
    if (rulesBlocked) {
      problems.add(manifest.problem(Severity.ERROR, "", RULES_NOT_CHECKED));
      return problems;
    }
    JsonNode old = previous.map(p -> (JsonNode) withoutStatus(p.object())).orElse(null);
    if (old != null) {
      SchemaDefaults.apply(old, schema);
    }
    for (CelRuleCheck.Finding finding : CelRuleCheck.check(object, old, schema, "")) {
      problems.add(manifest.problem(Severity.ERROR, finding.field(), finding.message()));
    }
    return problems;
  }

  private void checkMetadata(Manifest manifest, List<Problem> problems) {
    JsonNode metadata = manifest.object().path("metadata");
    String name = metadata.path("name").asText("");
    if (name.isEmpty() && metadata.path("generateName").asText("").isEmpty()) {
      problems.add(
          manifest.problem(
              Severity.ERROR, "metadata.name", "Required value: name or generateName is required"));
    } else if (!name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
      problems.add(
          manifest.problem(
              Severity.ERROR,
              "metadata.name",
              "Invalid value: \""
                  + name
                  + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                  + " characters, '-' or '.', and must start and end with an alphanumeric"
                  + " character"));
    }
    String namespace = metadata.path("namespace").asText("");
    if (!namespace.isEmpty() && !namespace.matches("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")) {
      problems.add(
          manifest.problem(
              Severity.ERROR,
              "metadata.namespace",
              "Invalid value: \""
                  + namespace
                  + "\": a lowercase RFC 1123 label must consist of lower case alphanumeric"
                  + " characters or '-', and must start and end with an alphanumeric character"));
    }
  }

  private OpenApiSchemaCheck schemaCheck(CrdCatalog.KindVersion kindVersion) {
    return schemaChecks.computeIfAbsent(
        kindVersion.apiVersion() + "|" + kindVersion.kind(),
        key -> new OpenApiSchemaCheck(new SchemaNode(kindVersion.schema())));
  }

  /**
   * The object as the schema and the CEL rules see it: without status, and with only the metadata
   * fields the apiserver exposes to CEL (name, generateName); the rest is validated above.
   */
  private static ObjectNode withoutStatus(JsonNode object) {
    ObjectNode copy = (ObjectNode) object.deepCopy();
    copy.remove("status");
    JsonNode metadata = object.path("metadata");
    ObjectNode visible = copy.putObject("metadata");
    for (String field : new String[] {"name", "generateName"}) {
      if (metadata.path(field).isTextual()) {
        visible.set(field, metadata.get(field));
      }
    }
    return copy;
  }
}
