package dev.runwright.emulator.sql;

import com.google.api.services.sqladmin.model.BackupConfiguration;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.InstancesListResponse;
import com.google.api.services.sqladmin.model.IpConfiguration;
import com.google.api.services.sqladmin.model.IpMapping;
import com.google.api.services.sqladmin.model.Settings;
import com.google.api.services.sqladmin.model.User;
import dev.runwright.emulator.http.ApiException;
import dev.runwright.emulator.http.ApiRequest;
import dev.runwright.emulator.http.ApiResponse;
import dev.runwright.emulator.http.PathParams;
import dev.runwright.emulator.world.Pagination;
import dev.runwright.emulator.world.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Cloud SQL instances: insert, get, list, patch, update, delete (deletion protection honoured). */
final class SqlInstanceHandler {
  private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,96}[a-z0-9])?");
  private static final List<String> SYSTEM_DATABASES =
      List.of("information_schema", "mysql", "performance_schema", "sys");

  private final SqlStore store;
  private final Simulation sim;

  SqlInstanceHandler(SqlStore store, Simulation sim) {
    this.store = store;
    this.sim = sim;
  }

  void register(SqlRoutes routes) {
    routes
        .write("POST", "/instances", "instances.insert", this::insert)
        .read("/instances", "instances.list", this::list)
        .read("/instances/{instance}", "instances.get", this::get)
        .write("PATCH", "/instances/{instance}", "instances.patch", this::patch)
        .write("PUT", "/instances/{instance}", "instances.update", this::update)
        .write("DELETE", "/instances/{instance}", "instances.delete", this::delete);
  }

  private ApiResponse insert(ApiRequest request, PathParams p) {
    String project = p.get("project");
    DatabaseInstance input = SqlJson.parse(request, DatabaseInstance.class);
    String name = input.getName();
    if (name == null || !NAME.matcher(name).matches()) {
      throw ApiException.invalidArgument(
          "name", "Invalid request: instance name (" + name + ") is invalid.");
    }
    String version = Objects.requireNonNullElse(input.getDatabaseVersion(), "MYSQL_8_0");
    SqlTiers.checkDatabaseVersion(version);
    Settings settings = input.getSettings() == null ? new Settings() : input.getSettings().clone();
    if (settings.getEdition() == null) {
      settings.setEdition(SqlTiers.defaultEdition(version));
    }
    SqlTiers.check(settings.getTier(), version, settings.getEdition());
    synchronized (store) {
      if (store.find(project, name).isPresent()) {
        throw ApiException.of(
            409,
            "ALREADY_EXISTS",
            "The Cloud SQL instance already exists.",
            "instanceAlreadyExists");
      }
      String region = Objects.requireNonNullElse(input.getRegion(), "us-central1");
      DatabaseInstance instance =
          new DatabaseInstance()
              .setKind("sql#instance")
              .setName(name)
              .setProject(project)
              .setDatabaseVersion(version)
              .setRegion(region)
              .setGceZone(region + "-a")
              .setState("PENDING_CREATE")
              .setConnectionName(project + ":" + region + ":" + name)
              .setBackendType("SECOND_GEN")
              .setInstanceType("CLOUD_SQL_INSTANCE")
              .setCreateTime(sim.now().toString())
              .setServiceAccountEmailAddress(
                  "p"
                      + sim.projects().number(project)
                      + "-emulator@gcp-sa-cloud-sql.iam.gserviceaccount.com")
              .setIpAddresses(
                  new ArrayList<>(
                      List.of(new IpMapping().setType("PRIMARY").setIpAddress("127.0.0.1"))))
              .setSettings(withDefaults(settings).setSettingsVersion(1L));
      store.put(project, instance);
      SqlStore.StoredInstance stored = store.require(project, name);
      for (String db : SYSTEM_DATABASES) {
        stored.databases.put(db, systemDatabase(project, name, db));
      }
      stored.users.put("root@%", new User().setKind("sql#user").setName("root").setHost("%"));
      return SqlJson.ok(
          store.start(project, name, "CREATE", sim.latencies().sqlInstanceCreate(), null));
    }
  }

  private ApiResponse get(ApiRequest request, PathParams p) {
    synchronized (store) {
      return SqlJson.ok(store.require(p.get("project"), p.get("instance")).instance);
    }
  }

  private ApiResponse list(ApiRequest request, PathParams p) {
    synchronized (store) {
      Pagination<DatabaseInstance> page =
          Pagination.of(
              store.list(p.get("project")),
              request.intParam("maxResults"),
              request.param("pageToken").orElse(null));
      InstancesListResponse body = new InstancesListResponse().setKind("sql#instancesList");
      body.setItems(page.items());
      if (!page.nextPageToken().isEmpty()) {
        body.setNextPageToken(page.nextPageToken());
      }
      return SqlJson.ok(body);
    }
  }

  /** PATCH: only the settings keys present in the body change. */
  private ApiResponse patch(ApiRequest request, PathParams p) {
    DatabaseInstance input = SqlJson.parse(request, DatabaseInstance.class);
    return change(p, input, false);
  }

  /** PUT: the body's settings replace the current ones. */
  private ApiResponse update(ApiRequest request, PathParams p) {
    DatabaseInstance input = SqlJson.parse(request, DatabaseInstance.class);
    return change(p, input, true);
  }

  private ApiResponse change(PathParams p, DatabaseInstance input, boolean replace) {
    String project = p.get("project");
    String name = p.get("instance");
    synchronized (store) {
      SqlStore.StoredInstance stored = store.requireIdle(project, name);
      DatabaseInstance current = stored.instance;
      checkImmutable("name", current.getName(), input.getName());
      checkImmutable("region", current.getRegion(), input.getRegion());
      Settings requested = input.getSettings() == null ? new Settings() : input.getSettings();
      Settings currentSettings = current.getSettings();
      if (requested.getSettingsVersion() != null
          && !requested.getSettingsVersion().equals(currentSettings.getSettingsVersion())) {
        throw ApiException.of(
            412, "FAILED_PRECONDITION", "Precondition check failed.", "conditionNotMet");
      }
      Settings next = replace ? withDefaults(requested.clone()) : currentSettings.clone();
      if (!replace) {
        for (Map.Entry<String, Object> entry : requested.entrySet()) {
          next.set(entry.getKey(), entry.getValue());
        }
      }
      if (next.getEdition() == null) {
        next.setEdition(currentSettings.getEdition());
      }
      String version =
          Objects.requireNonNullElse(input.getDatabaseVersion(), current.getDatabaseVersion());
      SqlTiers.checkDatabaseVersion(version);
      SqlTiers.check(next.getTier(), version, next.getEdition());
      next.setSettingsVersion(currentSettings.getSettingsVersion() + 1);
      return SqlJson.ok(
          store.start(
              project,
              name,
              "UPDATE",
              sim.latencies().sqlInstanceUpdate(),
              new DatabaseInstance().setSettings(next).setDatabaseVersion(version)));
    }
  }

  private ApiResponse delete(ApiRequest request, PathParams p) {
    String project = p.get("project");
    String name = p.get("instance");
    synchronized (store) {
      SqlStore.StoredInstance stored = store.require(project, name);
      if (Boolean.TRUE.equals(stored.instance.getSettings().getDeletionProtectionEnabled())) {
        throw ApiException.of(
            400,
            "FAILED_PRECONDITION",
            "The instance is protected from deletion. Disable deletion protection"
                + " (settings.deletionProtectionEnabled) and try again.",
            "deletionProtectionEnabled");
      }
      store.requireIdle(project, name);
      return SqlJson.ok(
          store.start(project, name, "DELETE", sim.latencies().sqlInstanceDelete(), null));
    }
  }

  private static void checkImmutable(String field, String current, String requested) {
    if (requested != null && !requested.equals(current)) {
      throw ApiException.invalidArgument(
          field,
          "Invalid request: "
              + field
              + " cannot be changed ("
              + current
              + " -> "
              + requested
              + ").");
    }
  }

  private static Settings withDefaults(Settings settings) {
    settings.setKind("sql#settings");
    setIfAbsent(settings, "availabilityType", "ZONAL");
    setIfAbsent(settings, "activationPolicy", "ALWAYS");
    setIfAbsent(settings, "pricingPlan", "PER_USE");
    setIfAbsent(settings, "dataDiskType", "PD_SSD");
    setIfAbsent(settings, "dataDiskSizeGb", 10L);
    setIfAbsent(settings, "storageAutoResize", true);
    setIfAbsent(settings, "deletionProtectionEnabled", false);
    if (settings.getBackupConfiguration() == null) {
      settings.setBackupConfiguration(
          new BackupConfiguration().setKind("sql#backupConfiguration").setEnabled(false));
    }
    if (settings.getIpConfiguration() == null) {
      settings.setIpConfiguration(new IpConfiguration().setIpv4Enabled(true));
    }
    return settings;
  }

  private static void setIfAbsent(Settings settings, String field, Object value) {
    if (settings.get(field) == null) {
      settings.set(field, value);
    }
  }

  private static Database systemDatabase(String project, String instance, String name) {
    return new Database()
        .setKind("sql#database")
        .setName(name)
        .setInstance(instance)
        .setProject(project)
        .setCharset("utf8mb3")
        .setCollation("utf8mb3_general_ci");
  }
}
