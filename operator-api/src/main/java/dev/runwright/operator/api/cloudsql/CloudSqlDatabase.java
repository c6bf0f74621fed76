package dev.runwright.operator.api.cloudsql;

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
 * A Cloud SQL for MySQL instance, one database and one user whose password lives in Secret Manager.
 */
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"A Cloud SQL for MySQL instance, one database and one user whose password lives in Secret Manager.\"}")
@Group(RunwrightApi.GROUP)
@Version(RunwrightApi.VERSION)
@ShortNames({"sqldb", "csd"})
@Categories(RunwrightApi.CATEGORY)
@AdditionalPrinterColumn(name = "Ready", jsonPath = RunwrightApi.READY_COLUMN_PATH)
@AdditionalPrinterColumn(name = "Instance", jsonPath = ".spec.instance.name")
@AdditionalPrinterColumn(name = "Connection", jsonPath = ".status.connectionName", priority = 1)
@AdditionalPrinterColumn(name = "Policy", jsonPath = ".spec.managementPolicy", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class CloudSqlDatabase extends CustomResource<CloudSqlDatabaseSpec, CloudSqlDatabaseStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("Desired state: instance, database, user and policies.")
  public CloudSqlDatabaseSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state, written by the operator.")
  public CloudSqlDatabaseStatus getStatus() {
    return super.getStatus();
  }
}
