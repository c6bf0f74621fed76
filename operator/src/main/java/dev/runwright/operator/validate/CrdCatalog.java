package dev.runwright.operator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runwright.operator.api.RunwrightApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Runwright CRDs generated into the operator-api jar, indexed by apiVersion and kind. */
public final class CrdCatalog {
  private static final List<String> CRD_RESOURCES =
      List.of(
          "/META-INF/fabric8/cloudsqldatabases.runwright.dev-v1.yml",
          "/META-INF/fabric8/migrationjobs.runwright.dev-v1.yml",
          "/META-INF/fabric8/cloudrunservices.runwright.dev-v1.yml");

  /** One served version of one kind, with its structural schema. */
  public record KindVersion(String apiVersion, String kind, JsonNode schema) {}

  private final Map<String, KindVersion> byApiVersionAndKind = new HashMap<>();

  private CrdCatalog() {}

  public static CrdCatalog load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    CrdCatalog catalog = new CrdCatalog();
    for (String resource : CRD_RESOURCES) {
      try (InputStream in = CrdCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("CRD " + resource + " is not on the classpath");
        }
        JsonNode crd = yaml.readTree(in);
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
          String apiVersion = group + "/" + version.path("name").asText();
          JsonNode schema = version.path("schema").path("openAPIV3Schema");
          catalog.byApiVersionAndKind.put(
              apiVersion + "|" + kind, new KindVersion(apiVersion, kind, schema));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read CRD " + resource, e);
      }
    }
    return catalog;
  }

  public Optional<KindVersion> find(String apiVersion, String kind) {
    return Optional.ofNullable(byApiVersionAndKind.get(apiVersion + "|" + kind));
  }

  /** True for documents of our API group: those `validate` checks; everything else is skipped. */
  public static boolean isOurs(Manifest manifest) {
    return manifest.apiVersion().startsWith(RunwrightApi.GROUP + "/");
  }

  /** Kinds served for an apiVersion, for error messages. */
  public List<String> kinds() {
    return byApiVersionAndKind.values().stream()
        .map(v -> v.apiVersion() + " " + v.kind())
        .sorted()
        .toList();
  }
}
