package dev.runwright.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import org.junit.jupiter.api.Test;

class LeanKubernetesClientTest {
  private static final String WITH_MANAGED_FIELDS =
      """
      {"apiVersion": "runwright.dev/v1alpha1", "kind": "CloudSqlDatabase",
       "metadata": {"name": "db", "namespace": "apps", "generation": 3,
         "labels": {"team": "auth"}, "finalizers": ["runwright.dev/finalizer"],
         "managedFields": [{"manager": "argocd", "operation": "Apply",
           "fieldsType": "FieldsV1", "fieldsV1": {"f:spec": {"f:region": {}}}}]},
       "spec": {"region": "europe-west1"}}
      """;

  @Test
  void readsObjectsWithoutManagedFieldsAndKeepsTheRestOfTheirMetadata() {
    CloudSqlDatabase read =
        LeanKubernetesClient.serialization().unmarshal(WITH_MANAGED_FIELDS, CloudSqlDatabase.class);

    assertThat(read.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(read.getMetadata().getName()).isEqualTo("db");
    assertThat(read.getMetadata().getGeneration()).isEqualTo(3);
    assertThat(read.getMetadata().getLabels()).containsEntry("team", "auth");
    assertThat(read.getMetadata().getFinalizers()).containsExactly("runwright.dev/finalizer");
    assertThat(read.getSpec().getRegion()).isEqualTo("europe-west1");
  }

  @Test
  void neverWritesManagedFields() {
    CloudSqlDatabase resource =
        LeanKubernetesClient.serialization().unmarshal(WITH_MANAGED_FIELDS, CloudSqlDatabase.class);
    resource
        .getMetadata()
        .setManagedFields(
            java.util.List.of(new ManagedFieldsEntryBuilder().withManager("someone").build()));

    String json = LeanKubernetesClient.serialization().asJson(resource);

    assertThat(json).doesNotContain("managedFields").contains("\"team\":\"auth\"");
  }
}
