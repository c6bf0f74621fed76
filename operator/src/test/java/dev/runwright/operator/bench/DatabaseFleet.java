package dev.runwright.operator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseFlag;
import dev.runwright.operator.api.cloudsql.DatabaseSpec;
import dev.runwright.operator.api.cloudsql.DatabaseVersion;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.StorageSpec;
import dev.runwright.operator.api.cloudsql.UserSpec;
import dev.runwright.operator.api.common.ConditionStatus;
import dev.runwright.operator.api.common.DeletionPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * CloudSqlDatabase resources in bulk: what the benchmark and the soak create, when they count as
 * Ready, and what the emulated project holds (read over the emulator's REST API).
 */
final class DatabaseFleet {
  static final String FIELD_MANAGER = "runwright-bench";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DatabaseFleet() {}

  /** A managed instance with one database and one user; {@code maxConnections} is a flag. */
  static CloudSqlDatabase database(
      String namespace, String name, int maxConnections, DeletionPolicy deletion) {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    var spec = new CloudSqlDatabaseSpec();
    spec.setRegion("europe-west1");
    var instance = new InstanceSpec();
    instance.setName(instanceName(namespace, name));
    instance.setDatabaseVersion(DatabaseVersion.MYSQL_8_0);
    instance.setTier("db-f1-micro");
    var storage = new StorageSpec();
    storage.setSizeGb(10);
    instance.setStorage(storage);
    var flag = new DatabaseFlag();
    flag.setName("max_connections");
    flag.setValue(Integer.toString(maxConnections));
    instance.setDatabaseFlags(List.of(flag));
    spec.setInstance(instance);
    var database = new DatabaseSpec();
    database.setName("app");
    spec.setDatabase(database);
    var user = new UserSpec();
    user.setName("app");
    spec.setUser(user);
    spec.setDeletionPolicy(deletion);
    resource.setSpec(spec);
    return resource;
  }

  /** Instance names are unique per project, so the namespace is part of it. */
  static String instanceName(String namespace, String name) {
    return (namespace + "-" + name).replaceAll("[^a-z0-9-]", "-");
  }

  static CloudSqlDatabase apply(KubernetesClient client, CloudSqlDatabase resource) {
    return client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /** Ready=True for the current generation. */
  static boolean isReady(CloudSqlDatabase resource) {
    return resource.getStatus() != null
        && resource.getStatus().getConditions() != null
        && resource.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    "Ready".equals(c.getType())
                        && c.getStatus() == ConditionStatus.True
                        && Objects.equals(
                            c.getObservedGeneration(), resource.getMetadata().getGeneration()));
  }

  static long countReady(KubernetesClient client, String namespace) {
    return client
        .resources(CloudSqlDatabase.class)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .filter(DatabaseFleet::isReady)
        .count();
  }

  /** The emulated project's Cloud SQL state: instances, their databases and users. */
  record CloudInventory(List<CloudInstance> instances) {}

  record CloudInstance(String name, List<String> databases, List<String> users, String flags) {}

  static CloudInventory inventory(String emulatorEndpoint, String project) {
    String base = emulatorEndpoint + "/v1/projects/" + project + "/instances";
    var instances = new ArrayList<CloudInstance>();
    var all = new ArrayList<JsonNode>();
    String token = "";
    do {
      JsonNode page =
          get(base + "?maxResults=500" + (token.isEmpty() ? "" : "&pageToken=" + token));
      all.addAll(items(page, "items"));
      token = page.path("nextPageToken").asText("");
    } while (!token.isEmpty());
    for (JsonNode item : all) {
      String name = item.path("name").asText();
      var databases = new ArrayList<String>();
      for (JsonNode db : items(get(base + "/" + name + "/databases"), "items")) {
        databases.add(db.path("name").asText());
      }
      var users = new ArrayList<String>();
      for (JsonNode user : items(get(base + "/" + name + "/users"), "items")) {
        users.add(user.path("name").asText());
      }
      instances.add(
          new CloudInstance(
              name, databases, users, item.path("settings").path("databaseFlags").toString()));
    }
    return new CloudInventory(instances);
  }

  /** Secret ID to the states of its versions (e.g. ENABLED, DISABLED). */
  static Map<String, List<String>> secrets(String emulatorEndpoint, String project) {
    String base = emulatorEndpoint + "/v1/projects/" + project + "/secrets";
    var result = new TreeMap<String, List<String>>();
    for (JsonNode secret : pages(base, "secrets")) {
      String id = secret.path("name").asText().replaceAll(".*/", "");
      var states = new ArrayList<String>();
      for (JsonNode version : pages(base + "/" + id + "/versions", "versions")) {
        states.add(version.path("state").asText());
      }
      result.put(id, states);
    }
    return result;
  }

  private static List<JsonNode> pages(String url, String field) {
    var all = new ArrayList<JsonNode>();
    String token = "";
    do {
      JsonNode page = get(url + "?pageSize=500" + (token.isEmpty() ? "" : "&pageToken=" + token));
      all.addAll(items(page, field));
      token = page.path("nextPageToken").asText("");
    } while (!token.isEmpty());
    return all;
  }

  private static List<JsonNode> items(JsonNode page, String field) {
    var list = new ArrayList<JsonNode>();
    page.path(field).forEach(list::add);
    return list;
  }

  private static JsonNode get(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
