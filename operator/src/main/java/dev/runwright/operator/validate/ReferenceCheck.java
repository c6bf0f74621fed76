package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks references between the objects given to one `validate` run: a CloudRunService or
 * MigrationJob naming a resource that is not among them, a service gated on a migration of another
 * database, or a gate whose release differs from the service's (that revision would never get
 * traffic). References resolve within the same namespace, as in the cluster.
 */
final class ReferenceCheck {
  private final Severity missingSeverity;

  /**
   * @param missingIsError whether a reference to an object not among the files is an error (the
   *     default) or only a warning (for repositories that split resources across directories)
   */
  ReferenceCheck(boolean missingIsError) {
    this.missingSeverity = missingIsError ? Severity.ERROR : Severity.WARNING;
  }

  List<Problem> check(List<Manifest> objects) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Manifest> byIdentity = new LinkedHashMap<>();
    for (Manifest object : objects) {
      Manifest first = byIdentity.putIfAbsent(object.identity(), object);
      if (first != null) {
        problems.add(
            object.problem(
                Severity.ERROR,
                "metadata.name",
                "Duplicate value: \""
                    + object.name()
                    + "\": "
                    + object.kind()
                    + " is also defined in "
                    + first.file()
                    + " (document "
                    + first.document()
                    + ")"));
      }
    }
    for (Manifest object : objects) {
      JsonNode spec = object.object().path("spec");
      switch (object.kind()) {
        case "MigrationJob" ->
            resolve(object, spec, "databaseRef", "CloudSqlDatabase", byIdentity, problems);
        case "CloudRunService" -> {
          resolve(object, spec, "databaseRef", "CloudSqlDatabase", byIdentity, problems);
          Manifest migration =
              resolve(object, spec, "migrationRef", "MigrationJob", byIdentity, problems);
          if (migration != null) {
            checkGate(object, spec, migration, problems);
          }
        }
        default -> {}
      }
    }
    return problems;
  }

  private Manifest resolve(
      Manifest from,
      JsonNode spec,
      String field,
      String kind,
      Map<String, Manifest> byIdentity,
      List<Problem> problems) {
    String name = spec.path(field).path("name").asText("");
    if (name.isEmpty()) {
      return null;
    }
    String identity =
        kind + "/" + (from.namespace().isEmpty() ? "" : from.namespace() + "/") + name;
    Manifest target = byIdentity.get(identity);
    if (target == null) {
      problems.add(
          from.problem(
              missingSeverity,
              "spec." + field + ".name",
              "Not found: "
                  + kind
                  + " \""
                  + name
                  + "\""
                  + (from.namespace().isEmpty() ? "" : " in namespace " + from.namespace())
                  + " is not among the files given (add its file, or pass --allow-missing-refs"
                  + " when it is managed elsewhere)"));
    }
    return target;
  }

  private static void checkGate(
      Manifest service, JsonNode spec, Manifest migration, List<Problem> problems) {
    JsonNode migrationSpec = migration.object().path("spec");
    String serviceDatabase = spec.path("databaseRef").path("name").asText("");
    String migrationDatabase = migrationSpec.path("databaseRef").path("name").asText("");
    if (!serviceDatabase.isEmpty()
        && !migrationDatabase.isEmpty()
        && !serviceDatabase.equals(migrationDatabase)) {
      problems.add(
          service.problem(
              Severity.ERROR,
              "spec.migrationRef.name",
              "Invalid value: \""
                  + migration.name()
                  + "\": the MigrationJob migrates CloudSqlDatabase \""
                  + migrationDatabase
                  + "\" but this service connects to \""
                  + serviceDatabase
                  + "\""));
    }
    String serviceRelease = release(spec);
    String migrationRelease = release(migrationSpec);
    if (!serviceRelease.isEmpty()
        && !migrationRelease.isEmpty()
        && !serviceRelease.equals(migrationRelease)) {
      problems.add(
          service.problem(
              Severity.WARNING,
              "spec.image",
              "the MigrationJob \""
                  + migration.name()
                  + "\" runs release \""
                  + migrationRelease
                  + "\" but this service deploys release \""
                  + serviceRelease
                  + "\": the new revision gets no traffic until they match"));
    }
  }

  /** Release identity as the operator derives it: spec.release, else the image reference. */
  private static String release(JsonNode spec) {
    String release = spec.path("release").asText("");
    return release.isEmpty() ? spec.path("image").asText("") : release;
  }
}
