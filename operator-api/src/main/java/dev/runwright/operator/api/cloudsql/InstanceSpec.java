package dev.runwright.operator.api.cloudsql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The Cloud SQL instance settings the operator manages (or, with Observe, just its name). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.databaseFlags) || self.databaseFlags.all(f, !has(f.name)"
            + " || self.databaseFlags.exists_one(g, has(g.name) && g.name == f.name))",
    message = "instance.databaseFlags names must be unique",
    fieldPath = ".databaseFlags")
@ValidationRule(
    value = "has(self.databaseVersion) == has(oldSelf.databaseVersion)",
    message = "instance.databaseVersion cannot be added or removed after creation")
@ValidationRule(
    value =
        "!has(self.edition) || self.edition != 'ENTERPRISE_PLUS' || !has(self.tier)"
            + " || self.tier.startsWith('db-perf-optimized-')",
    message = "edition ENTERPRISE_PLUS requires a db-perf-optimized-* tier",
    fieldPath = ".tier")
@ValidationRule(
    value =
        "!has(self.tier) || !(self.tier in ['db-f1-micro', 'db-g1-small'])"
            + " || !has(self.availabilityType) || self.availabilityType == 'ZONAL'",
    message = "shared-core tiers (db-f1-micro, db-g1-small) only support availabilityType ZONAL",
    fieldPath = ".availabilityType")
public class InstanceSpec {
  @Required
  @Size(min = 1, max = 80)
  @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
  @ValidationRule(value = "self == oldSelf", message = "instance.name is immutable")
  @JsonPropertyDescription(
      "Instance name: lowercase letters, digits and hyphens, starting with a letter. Immutable.")
  private String name;

  @ValidationRule(value = "self == oldSelf", message = "instance.databaseVersion is immutable")
  @JsonPropertyDescription(
      "MySQL major version (MYSQL_5_7, MYSQL_8_0, MYSQL_8_4). Required with Manage. Immutable:"
          + " changing it would mean a new instance.")
  private DatabaseVersion databaseVersion;

  @Size(min = 4, max = 64)
  @Pattern("^db-[a-z0-9-]+$")
  @JsonPropertyDescription(
      "Machine tier, e.g. db-f1-micro, db-g1-small, db-custom-2-7680. Required with Manage.")
  private String tier;

  @JsonPropertyDescription("Cloud SQL edition: ENTERPRISE (default at Google) or ENTERPRISE_PLUS.")
  private Edition edition;

  @JsonPropertyDescription("ZONAL (one zone) or REGIONAL (high availability).")
  private AvailabilityType availabilityType;

  @JsonPropertyDescription("Storage size and automatic growth.")
  private StorageSpec storage;

  @JsonPropertyDescription("Automated backups and point-in-time recovery.")
  private BackupSpec backups;

  @Size(max = 50)
  @JsonPropertyDescription(
      "MySQL flags, e.g. [{name: max_connections, value: \"200\"}]. The operator corrects drift on"
          + " the flags listed here only and leaves other flags alone.")
  private List<DatabaseFlag> databaseFlags;

  @JsonPropertyDescription(
      "The one deletion-protection switch: the operator mirrors it to Cloud SQL's"
          + " deletionProtectionEnabled and never deletes a protected instance. Defaults to true.")
  private Boolean deletionProtection;

  @JsonPropertyDescription(
      "With Manage: take over an instance of this name that already exists instead of failing."
          + " Adoption is never implicit.")
  private Boolean adoptExisting;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public DatabaseVersion getDatabaseVersion() {
    return databaseVersion;
  }

  public void setDatabaseVersion(DatabaseVersion databaseVersion) {
    this.databaseVersion = databaseVersion;
  }

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }

  public Edition getEdition() {
    return edition;
  }

  public void setEdition(Edition edition) {
    this.edition = edition;
  }

  public AvailabilityType getAvailabilityType() {
    return availabilityType;
  }

  public void setAvailabilityType(AvailabilityType availabilityType) {
    this.availabilityType = availabilityType;
  }

  public StorageSpec getStorage() {
    return storage;
  }

  public void setStorage(StorageSpec storage) {
    this.storage = storage;
  }

  public BackupSpec getBackups() {
    return backups;
  }

  public void setBackups(BackupSpec backups) {
    this.backups = backups;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }

  public Boolean getAdoptExisting() {
    return adoptExisting;
  }

  public void setAdoptExisting(Boolean adoptExisting) {
    this.adoptExisting = adoptExisting;
  }

  public List<DatabaseFlag> getDatabaseFlags() {
    return databaseFlags;
  }

  public void setDatabaseFlags(List<DatabaseFlag> databaseFlags) {
    this.databaseFlags = databaseFlags;
  }
}
