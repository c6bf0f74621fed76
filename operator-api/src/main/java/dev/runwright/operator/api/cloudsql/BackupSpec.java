package dev.runwright.operator.api.cloudsql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Automated backups and point-in-time recovery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.pointInTimeRecovery) || !self.pointInTimeRecovery"
            + " || (has(self.enabled) && self.enabled)",
    message = "backups.pointInTimeRecovery requires backups.enabled: true",
    fieldPath = ".pointInTimeRecovery")
public class BackupSpec {
  @JsonPropertyDescription("Take a daily automated backup.")
  private Boolean enabled;

  @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
  @JsonPropertyDescription("Start of the daily backup window, HH:MM in UTC, e.g. 03:00.")
  private String startTime;

  @Min(1)
  @Max(365)
  @JsonPropertyDescription("Number of automated backups to keep (1 to 365).")
  private Integer retainedBackups;

  @JsonPropertyDescription("Point-in-time recovery (MySQL binary logging). Requires enabled: true.")
  private Boolean pointInTimeRecovery;

  @Min(1)
  @Max(35)
  @JsonPropertyDescription("Days of transaction logs kept for point-in-time recovery (1 to 35).")
  private Integer transactionLogRetentionDays;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public Integer getRetainedBackups() {
    return retainedBackups;
  }

  public void setRetainedBackups(Integer retainedBackups) {
    this.retainedBackups = retainedBackups;
  }

  public Boolean getPointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  public void setPointInTimeRecovery(Boolean pointInTimeRecovery) {
    this.pointInTimeRecovery = pointInTimeRecovery;
  }

  public Integer getTransactionLogRetentionDays() {
    return transactionLogRetentionDays;
  }

  public void setTransactionLogRetentionDays(Integer transactionLogRetentionDays) {
    this.transactionLogRetentionDays = transactionLogRetentionDays;
  }
}
