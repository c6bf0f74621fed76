package dev.runwright.operator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an emulated Google project holds, read over the emulator's REST API like any client would:
 * Cloud SQL instances with their databases, users and flags; secrets with their version states;
 * Cloud Run services with their revisions and traffic; jobs with their executions. Reading costs
 * calls on the emulator's counters, which callers measuring calls subtract.
 */
final class CloudProject {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String endpoint;
  private final String project;

  CloudProject(String endpoint, String project) {
    this.endpoint = endpoint;
    this.project = project;
  }

  String id() {
    return project;
  }

  record CloudInstance(String name, List<String> databases, List<String> users, String flags) {}

  /**
   * A Cloud Run revision: its ID, image, maximum instances and the secret version its DB_PASSWORD
   * is pinned to (what a release, a scaling change and a password rotation change).
   */
  record CloudRevision(String id, String image, int maxInstances, String passwordVersion) {}

  /** A Cloud Run service: its revisions and the traffic it serves (revision ID to percent). */
  record CloudService(String id, List<CloudRevision> revisions, Map<String, Integer> traffic) {}

  /** A job execution: its image, whether it succeeded, and when it completed (or null). */
  record CloudExecution(String id, String image, boolean succeeded, Instant completed) {}

  record CloudJob(String id, List<CloudExecution> executions) {}

  /** Cloud SQL instances by name, with their databases, users and flags. */
  Map<String, CloudInstance> instances() {
    String base = endpoint + "/v1/projects/" + project + "/instances";
    var instances = new TreeMap<String, CloudInstance>();
    for (JsonNode item : pages(base, "maxResults", "items")) {
      String name = item.path("name").asText();
      var databases = new ArrayList<String>();
      for (JsonNode db : items(get(base + "/" + name + "/databases"), "items")) {
        databases.add(db.path("name").asText());
      }
      var users = new ArrayList<String>();
      for (JsonNode user : items(get(base + "/" + name + "/users"), "items")) {
        users.add(user.path("name").asText());
      }
      if (instances.containsKey(name)) {
        throw new IllegalStateException("the project lists instance " + name + " twice");
      }
      instances.put(
          name,
          new CloudInstance(
              name, databases, users, item.path("settings").path("databaseFlags").toString()));
    }
    return instances;
  }

  /** Secret ID to the states of its versions (e.g. ENABLED, DISABLED). */
  Map<String, List<String>> secrets() {
    String base = endpoint + "/v1/projects/" + project + "/secrets";
    var result = new TreeMap<String, List<String>>();
    for (JsonNode secret : pages(base, "pageSize", "secrets")) {
      String id = lastSegment(secret.path("name").asText());
      var states = new ArrayList<String>();
      for (JsonNode version : pages(base + "/" + id + "/versions", "pageSize", "versions")) {
        states.add(version.path("state").asText());
      }
      result.put(id, states);
    }
    return result;
  }

  /** Cloud Run services of a region by ID. */
  Map<String, CloudService> services(String region) {
    String base = endpoint + "/v2/projects/" + project + "/locations/" + region + "/services";
    var result = new TreeMap<String, CloudService>();
    for (JsonNode service : pages(base, "pageSize", "services")) {
      String id = lastSegment(service.path("name").asText());
      var revisions = new ArrayList<CloudRevision>();
      for (JsonNode revision : pages(base + "/" + id + "/revisions", "pageSize", "revisions")) {
        JsonNode container = revision.path("containers").path(0);
        String passwordVersion = "";
        for (JsonNode env : container.path("env")) {
          if (env.path("name").asText().equals("DB_PASSWORD")) {
            passwordVersion = env.path("valueSource").path("secretKeyRef").path("version").asText();
          }
        }
        revisions.add(
            new CloudRevision(
                lastSegment(revision.path("name").asText()),
                container.path("image").asText(),
                revision.path("scaling").path("maxInstanceCount").asInt(0),
                passwordVersion));
      }
      var traffic = new TreeMap<String, Integer>();
      for (JsonNode status : service.path("trafficStatuses")) {
        int percent = status.path("percent").asInt(0);
        if (percent > 0) {
          traffic.merge(status.path("revision").asText("LATEST"), percent, Integer::sum);
        }
      }
      result.put(id, new CloudService(id, revisions, traffic));
    }
    return result;
  }

  /** Cloud Run jobs of a region by ID, with their executions. */
  Map<String, CloudJob> jobs(String region) {
    String base = endpoint + "/v2/projects/" + project + "/locations/" + region + "/jobs";
    var result = new TreeMap<String, CloudJob>();
    for (JsonNode job : pages(base, "pageSize", "jobs")) {
      String id = lastSegment(job.path("name").asText());
      var executions = new ArrayList<CloudExecution>();
      for (JsonNode execution : pages(base + "/" + id + "/executions", "pageSize", "executions")) {
        boolean succeeded = false;
        for (JsonNode condition : execution.path("conditions")) {
          if (condition.path("type").asText().equals("Completed")) {
            succeeded = condition.path("state").asText().equals("CONDITION_SUCCEEDED");
          }
        }
        String completed = execution.path("completionTime").asText("");
        executions.add(
            new CloudExecution(
                lastSegment(execution.path("name").asText()),
                execution.path("template").path("containers").path(0).path("image").asText(),
                succeeded,
                completed.isEmpty() ? null : Instant.parse(completed)));
      }
      result.put(id, new CloudJob(id, executions));
    }
    return result;
  }

  private static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static List<JsonNode> pages(String url, String sizeParameter, String field) {
    var all = new ArrayList<JsonNode>();
    String token = "";
    do {
      JsonNode page =
          get(url + "?" + sizeParameter + "=500" + (token.isEmpty() ? "" : "&pageToken=" + token));
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
