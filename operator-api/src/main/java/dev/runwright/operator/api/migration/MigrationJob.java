package dev.runwright.operator.api.migration;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.RunwrightApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Runs a release's database migrations as a Cloud Run Job, exactly once per release, against a
 * CloudSqlDatabase.
 */
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"Runs a release's database migrations as a Cloud Run Job against a CloudSqlDatabase, exactly once per release.\"}")
@Group(RunwrightApi.GROUP)
@Version(RunwrightApi.VERSION)
@ShortNames({"migjob", "mj"})
@Categories(RunwrightApi.CATEGORY)
@AdditionalPrinterColumn(name = "Ready", jsonPath = RunwrightApi.READY_COLUMN_PATH)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Release", jsonPath = ".status.succeededRelease")
@AdditionalPrinterColumn(name = "Execution", jsonPath = ".status.execution.name", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class MigrationJob extends CustomResource<MigrationJobSpec, MigrationJobStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: database, release image, command and retry policy.")
  public MigrationJobSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state, written by the operator.")
  public MigrationJobStatus getStatus() {
    return super.getStatus();
  }
}
