package dev.runwright.operator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `validate` command as CI runs it: exit codes, output formats, references, updates. */
class ValidateCommandTest {
  private static final String DATABASE =
      """
      apiVersion: runwright.dev/v1alpha1
      kind: CloudSqlDatabase
      metadata:
        name: db
      spec:
        region: asia-east1
        instance: {name: db-mysql, databaseVersion: MYSQL_8_0, tier: db-f1-micro}
        database: {name: app}
        user: {name: app}
      """;

  private static final String MIGRATION =
      """
      apiVersion: runwright.dev/v1alpha1
      kind: MigrationJob
      metadata:
        name: migrate
      spec:
        databaseRef: {name: db}
        image: runwright/jwt-service:1.0.0
      """;

  private static final String SERVICE =
      """
      apiVersion: runwright.dev/v1alpha1
      kind: CloudRunService
      metadata:
        name: svc
      spec:
        region: asia-east1
        image: runwright/jwt-service:1.0.0
        databaseRef: {name: db}
        migrationRef: {name: migrate}
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String stdin = "";

  private int validate(String... args) {
    return new ValidateCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
        .run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path write(String name, String... documents) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("---\n", documents));
    return file;
  }

  @Test
  void validFilesExitZero() throws IOException {
    write("app/all.yaml", DATABASE, MIGRATION, SERVICE);

    assertThat(validate("-f", dir.toString())).isEqualTo(0);
    assertThat(output()).contains("valid: 3 Runwright object(s) in 1 file(s), 0 error(s)");
  }

  @Test
  void problemsNameFileDocumentObjectAndFieldAndExitOne() throws IOException {
    Path file =
        write("bad.yaml", DATABASE, MIGRATION, SERVICE.replace("asia-east1", "asia-east1-a"));

    assertThat(validate(file.toString())).isEqualTo(1);
    assertThat(output())
        .contains(
            "error: "
                + file
                + " (document 3) CloudRunService svc: spec.region: Invalid value: \"asia-east1-a\":"
                + " spec.region in body should match '^[a-z]+-[a-z]+[0-9]+$'")
        .contains("invalid: 3 Runwright object(s) in 1 file(s), 1 error(s), 0 warning(s)");
  }

  @Test
  void jsonOutputIsMachineReadable() throws IOException {
    Path file = write("bad.yaml", DATABASE.replace("tier: db-f1-micro", "tier: f1-micro"));

    assertThat(validate("--output", "json", file.toString())).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(output());
    assertThat(report.path("valid").asBoolean()).isFalse();
    assertThat(report.path("errors").asInt()).isEqualTo(1);
    JsonNode problem = report.path("problems").path(0);
    assertThat(problem.path("severity").asText()).isEqualTo("error");
    assertThat(problem.path("file").asText()).isEqualTo(file.toString());
    assertThat(problem.path("document").asInt()).isEqualTo(1);
    assertThat(problem.path("kind").asText()).isEqualTo("CloudSqlDatabase");
    assertThat(problem.path("name").asText()).isEqualTo("db");
    assertThat(problem.path("field").asText()).isEqualTo("spec.instance.tier");
    assertThat(problem.path("message").asText()).contains("should match");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    assertThat(validate()).isEqualTo(2);
    assertThat(validate("--frobnicate", "x")).isEqualTo(2);
    assertThat(validate(dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(validate("-o", "xml", write("a.yaml", DATABASE).toString())).isEqualTo(2);
    assertThat(validate("-f")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no files given", "unknown option --frobnicate", "no such file or directory");
  }

  @Test
  void missingReferencesAreErrorsUnlessAllowed() throws IOException {
    Path file = write("svc.yaml", SERVICE);

    assertThat(validate(file.toString())).isEqualTo(1);
    assertThat(output())
        .contains("spec.databaseRef.name: Not found: CloudSqlDatabase \"db\"")
        .contains("spec.migrationRef.name: Not found: MigrationJob \"migrate\"");

    out.reset();
    assertThat(validate("--allow-missing-refs", file.toString())).isEqualTo(0);
    assertThat(output()).contains("warning: ").contains("0 error(s), 2 warning(s)");
  }

  @Test
  void referencesResolveWithinANamespaceOnly() throws IOException {
    write(
        "ns.yaml",
        DATABASE.replace("name: db\n", "name: db\n  namespace: team-a\n"),
        MIGRATION.replace("name: migrate\n", "name: migrate\n  namespace: team-b\n"));

    assertThat(validate(dir.toString())).isEqualTo(1);
    assertThat(output()).contains("Not found: CloudSqlDatabase \"db\" in namespace team-b");
  }

  @Test
  void aGateOnAnotherDatabaseIsAnErrorAndAReleaseMismatchAWarning() throws IOException {
    write(
        "gate.yaml",
        DATABASE,
        DATABASE.replace("name: db\n", "name: other\n"),
        MIGRATION.replace("1.0.0", "1.1.0").replace("{name: db}", "{name: other}"),
        SERVICE);

    assertThat(validate(dir.toString())).isEqualTo(1);
    assertThat(output())
        .contains(
            "spec.migrationRef.name: Invalid value: \"migrate\": the MigrationJob migrates"
                + " CloudSqlDatabase \"other\" but this service connects to \"db\"")
        .contains(
            "warning: "
                + dir.resolve("gate.yaml")
                + " (document 4) CloudRunService svc: spec.image: the MigrationJob \"migrate\" runs"
                + " release \"runwright/jwt-service:1.1.0\" but this service deploys release"
                + " \"runwright/jwt-service:1.0.0\"");
  }

  @Test
  void duplicateObjectsAreErrors() throws IOException {
    write("a.yaml", DATABASE);
    write("b.yaml", DATABASE);

    assertThat(validate(dir.toString())).isEqualTo(1);
    assertThat(output()).contains("metadata.name: Duplicate value: \"db\"");
  }

  @Test
  void previousVersionsRefuseImmutableChanges() throws IOException {
    Path old = write("old/db.yaml", DATABASE);
    Path current = write("new/db.yaml", DATABASE.replace("MYSQL_8_0", "MYSQL_8_4"));

    assertThat(validate(current.toString())).isEqualTo(0);
    out.reset();
    assertThat(validate(current.toString(), "--previous", old.toString())).isEqualTo(1);
    assertThat(output())
        .contains(
            "spec.instance.databaseVersion: Invalid value: \"string\": instance.databaseVersion is immutable");
  }

  @Test
  void readsStandardInputAndSkipsOtherKinds() {
    stdin =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: unrelated}
        ---
        """
            + DATABASE;

    assertThat(validate("-")).isEqualTo(0);
    assertThat(output()).contains("valid: 1 Runwright object(s)");
  }

  @Test
  void unknownKindOrVersionOfOurGroupIsAnError() throws IOException {
    Path file =
        write(
            "kinds.yaml",
            DATABASE.replace("v1alpha1", "v1"),
            DATABASE.replace("CloudSqlDatabase", "CloudSqlInstance"));

    assertThat(validate(file.toString())).isEqualTo(1);
    assertThat(output())
        .contains("no kind \"CloudSqlDatabase\" is registered for version \"runwright.dev/v1\"")
        .contains("no kind \"CloudSqlInstance\" is registered");
  }

  @Test
  void aKeyWrittenTwiceIsAnError() throws IOException {
    Path file =
        write("twice.yaml", DATABASE + "  deletionPolicy: Retain\n  deletionPolicy: Delete\n");

    assertThat(validate(file.toString())).isEqualTo(1);
    assertThat(output()).contains("cannot read YAML: Duplicate field 'deletionPolicy'");
  }

  @Test
  void brokenYamlNamesTheFile() throws IOException {
    Path file = write("broken.yaml", DATABASE, "spec: [unclosed\n");

    assertThat(validate(file.toString())).isEqualTo(1);
    assertThat(output()).contains("error: " + file + " (document 2): cannot read YAML");
  }
}
