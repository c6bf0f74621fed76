package dev.runwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The project's CRDs from {@code crds/}, installed by the harness, are what users of kubectl see.
 */
@WithKubeApiServer
class ProjectCrdsIT {

  private static final String CATEGORY = "runwright";

  @Test
  void everyCrdIsInstalledAndListedByTheCategory(
      KubernetesClient client, KubeCommandLine cli, TestNamespace namespace) {
    List<CustomResourceDefinition> crds = projectCrds(client);
    assertThat(crds)
        .as("CRD files in " + ProjectCrds.repositoryRoot().resolve("crds"))
        .isNotEmpty();

    List<String> inCategory =
        cli.kubectl("api-resources", "--categories=" + CATEGORY, "-o", "name")
            .assertSuccess()
            .stdout()
            .lines()
            .toList();

    for (CustomResourceDefinition crd : crds) {
      assertThat(crd.getSpec().getNames().getCategories()).contains(CATEGORY);
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName(name(crd)).get())
          .as(name(crd) + " installed by the harness")
          .isNotNull();
      assertThat(inCategory).contains(name(crd));
    }
    assertThat(cli.kubectl("get", CATEGORY, "-n", namespace.name()).assertSuccess().stderr())
        .contains("No resources found");
  }

  @Test
  void explainPrintsTheDescriptionOfEverySpecField(KubernetesClient client, KubeCommandLine cli) {
    for (CustomResourceDefinition crd : projectCrds(client)) {
      String plural = crd.getSpec().getNames().getPlural();
      String explained =
          normalized(cli.kubectl("explain", plural + ".spec").assertSuccess().stdout());
      Map<String, JSONSchemaProps> fields =
          storageVersion(crd)
              .getSchema()
              .getOpenAPIV3Schema()
              .getProperties()
              .get("spec")
              .getProperties();

      assertThat(fields).isNotEmpty();
      fields.forEach(
          (field, schema) -> {
            assertThat(schema.getDescription())
                .as(plural + ".spec." + field + " description")
                .isNotBlank();
            assertThat(explained)
                .as("kubectl explain %s.spec shows the description of %s", plural, field)
                .contains(normalized(schema.getDescription()));
          });
    }
  }

  @Test
  void serverOffersThePrinterColumns(KubernetesClient client, TestNamespace namespace)
      throws Exception {
    for (CustomResourceDefinition crd : projectCrds(client)) {
      CustomResourceDefinitionVersion version = storageVersion(crd);
      // kubectl asks for this Table form for `kubectl get`; asking directly shows the columns
      // without objects.
      String uri =
          "%sapis/%s/%s/namespaces/%s/%s"
              .formatted(
                  client.getMasterUrl(),
                  crd.getSpec().getGroup(),
                  version.getName(),
                  namespace.name(),
                  crd.getSpec().getNames().getPlural());
      HttpResponse<String> response =
          client
              .getHttpClient()
              .sendAsync(
                  client
                      .getHttpClient()
                      .newHttpRequestBuilder()
                      .uri(uri)
                      .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
                      .build(),
                  String.class)
              .get(30, TimeUnit.SECONDS);
      assertThat(response.code()).as(response.body()).isEqualTo(200);

      List<String> columns = new ArrayList<>();
      for (JsonNode column :
          new ObjectMapper().readTree(response.body()).path("columnDefinitions")) {
        columns.add(column.path("name").asText());
      }
      assertThat(version.getAdditionalPrinterColumns()).isNotEmpty();
      assertThat(columns)
          .as("printer columns of " + name(crd))
          .startsWith("Name")
          .containsAll(
              version.getAdditionalPrinterColumns().stream().map(c -> c.getName()).toList());
    }
  }

  private static List<CustomResourceDefinition> projectCrds(KubernetesClient client) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : ProjectCrds.files()) {
      try (InputStream in = Files.newInputStream(file)) {
        client.load(in).items().stream()
            .map(CustomResourceDefinition.class::cast)
            .forEach(crds::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return crds;
  }

  private static CustomResourceDefinitionVersion storageVersion(CustomResourceDefinition crd) {
    return crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getStorage)
        .findFirst()
        .orElseThrow();
  }

  private static String name(CustomResourceDefinition crd) {
    return crd.getMetadata().getName();
  }

  /** kubectl wraps descriptions at its terminal width; compare the words, not the line breaks. */
  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
