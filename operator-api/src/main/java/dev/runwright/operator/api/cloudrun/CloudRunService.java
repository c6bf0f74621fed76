package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.runwright.operator.api.RunwrightApi;
import dev.runwright.operator.api.common.GooglePatterns;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Cloud Run service whose new releases get traffic only after their MigrationJob succeeded; the
 * operator owns the traffic split.
 */
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"A Cloud Run service whose new releases get traffic only after their MigrationJob succeeded; the operator owns the traffic split.\"}")
@ValidationRule(
    value =
        "!has(self.spec) || has(self.spec.serviceName) || self.metadata.name.matches('"
            + GooglePatterns.CLOUD_RUN_NAME
            + "')",
    message =
        "metadata.name is not a valid Cloud Run service name (lowercase letters, digits and"
            + " hyphens, starting with a letter, at most 49 characters): set spec.serviceName")
@Group(RunwrightApi.GROUP)
@Version(RunwrightApi.VERSION)
@ShortNames({"runsvc", "crsvc"})
@Categories(RunwrightApi.CATEGORY)
@AdditionalPrinterColumn(name = "Ready", jsonPath = RunwrightApi.READY_COLUMN_PATH)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url")
@AdditionalPrinterColumn(name = "Revision", jsonPath = ".status.stableRevision")
@AdditionalPrinterColumn(name = "Traffic", jsonPath = ".status.trafficSummary")
@AdditionalPrinterColumn(name = "Candidate", jsonPath = ".status.candidateRevision", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class CloudRunService extends CustomResource<CloudRunServiceSpec, CloudRunServiceStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription(
      "Desired state: release image, database and migration gate, runtime settings and rollout.")
  public CloudRunServiceSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state, written by the operator.")
  public CloudRunServiceStatus getStatus() {
    return super.getStatus();
  }
}
