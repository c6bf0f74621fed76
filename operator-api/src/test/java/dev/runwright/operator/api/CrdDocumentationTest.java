package dev.runwright.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `kubectl explain` must read well: every field of every kind carries a description. */
class CrdDocumentationTest {

  @Test
  void everyFieldHasADescription() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (String file : CommittedCrdsTest.CRD_FILES) {
      CustomResourceDefinition crd = load(file);
      JSONSchemaProps root = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
      if (root.getDescription() == null) {
        undocumented.add(crd.getSpec().getNames().getKind());
      }
      collectUndocumented(crd.getSpec().getNames().getKind(), root, undocumented);
    }
    assertThat(undocumented).as("fields without a description").isEmpty();
  }

  @Test
  void everyKindIsInTheRunwrightCategoryWithShortNamesAndReadyColumn() throws IOException {
    for (String file : CommittedCrdsTest.CRD_FILES) {
      CustomResourceDefinition crd = load(file);
      assertThat(crd.getSpec().getNames().getCategories()).containsExactly("runwright");
      assertThat(crd.getSpec().getNames().getShortNames()).isNotEmpty();
      assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
      var version = crd.getSpec().getVersions().get(0);
      assertThat(version.getName()).isEqualTo("v1alpha1");
      assertThat(version.getSubresources().getStatus()).isNotNull();
      assertThat(version.getAdditionalPrinterColumns())
          .extracting(c -> c.getName())
          .contains("Ready", "Age");
    }
  }

  @Test
  void printerColumnsShowWhatEachKindIsAbout() throws IOException {
    assertThat(columns("cloudrunservices.runwright.dev-v1.yml"))
        .contains("Ready", "URL", "Revision", "Traffic", "Age");
    assertThat(columns("migrationjobs.runwright.dev-v1.yml"))
        .contains("Ready", "Status", "Release", "Age");
    assertThat(columns("cloudsqldatabases.runwright.dev-v1.yml"))
        .contains("Ready", "Instance", "Age");
  }

  private static List<String> columns(String file) throws IOException {
    return load(file).getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
        .filter(c -> c.getPriority() == null || c.getPriority() == 0)
        .map(c -> c.getName())
        .toList();
  }

  private static void collectUndocumented(
      String path, JSONSchemaProps schema, List<String> undocumented) {
    if (schema.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
        String child = path + "." + property.getKey();
        boolean metadata =
            path.indexOf('.') < 0 && property.getKey().matches("metadata|apiVersion|kind");
        if (!metadata && property.getValue().getDescription() == null) {
          undocumented.add(child);
        }
        collectUndocumented(child, property.getValue(), undocumented);
      }
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      collectUndocumented(path + "[]", schema.getItems().getSchema(), undocumented);
    }
    if (schema.getAdditionalProperties() != null
        && schema.getAdditionalProperties().getSchema() != null) {
      collectUndocumented(path + "{}", schema.getAdditionalProperties().getSchema(), undocumented);
    }
  }

  static CustomResourceDefinition load(String file) throws IOException {
    return Serialization.unmarshal(
        CommittedCrdsTest.generated(file), CustomResourceDefinition.class);
  }
}
