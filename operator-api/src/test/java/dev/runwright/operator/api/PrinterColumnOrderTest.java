package dev.runwright.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runwright.operator.api.cloudrun.CloudRunService;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterColumnOrderTest {
  @Test
  void generatedColumnsFollowTheDeclarationOrderWithAgeLast() throws IOException {
    for (String file : CommittedCrdsTest.CRD_FILES) {
      CustomResourceDefinition crd =
          Serialization.unmarshal(
              CommittedCrdsTest.generated(file), CustomResourceDefinition.class);
      List<String> names =
          crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
              .map(CustomResourceColumnDefinition::getName)
              .toList();

      assertThat(names).as(file).startsWith("Ready").endsWith("Age");
    }
  }

  @Test
  void cloudRunServicesShowReadyUrlRevisionTrafficInThatOrder() {
    assertThat(PrinterColumnOrder.declaredOrder(CloudRunService.class))
        .containsExactly("Ready", "URL", "Revision", "Traffic", "Candidate", "Age");
  }

  @Test
  void reorderKeepsEverythingElse() {
    String crd =
        """
        spec:
          versions:
          - additionalPrinterColumns:
            - jsonPath: .metadata.creationTimestamp
              name: Age
              type: date
            - jsonPath: .status.url
              name: URL
              type: string
            name: v1alpha1
        """;

    assertThat(PrinterColumnOrder.reorder(crd, List.of("URL", "Age")))
        .isEqualTo(
            """
            spec:
              versions:
              - additionalPrinterColumns:
                - jsonPath: .status.url
                  name: URL
                  type: string
                - jsonPath: .metadata.creationTimestamp
                  name: Age
                  type: date
                name: v1alpha1
            """);
  }
}
