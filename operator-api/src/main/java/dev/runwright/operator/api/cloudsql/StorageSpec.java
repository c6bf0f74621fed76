package dev.runwright.operator.api.cloudsql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Instance storage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.autoResizeLimitGb) || !has(self.sizeGb) || self.autoResizeLimitGb == 0"
            + " || self.autoResizeLimitGb >= self.sizeGb",
    message = "storage.autoResizeLimitGb must be 0 (no limit) or at least storage.sizeGb",
    fieldPath = ".autoResizeLimitGb")
public class StorageSpec {
  @Min(10)
  @Max(65536)
  @JsonPropertyDescription("Initial storage size in GB (10 to 65536).")
  private Integer sizeGb;

  @JsonPropertyDescription("Let Cloud SQL grow the storage when it runs low. Defaults to true.")
  private Boolean autoResize;

  @Min(0)
  @Max(65536)
  @JsonPropertyDescription("Upper bound in GB for automatic growth; 0 means no limit.")
  private Integer autoResizeLimitGb;

  public Integer getSizeGb() {
    return sizeGb;
  }

  public void setSizeGb(Integer sizeGb) {
    this.sizeGb = sizeGb;
  }

  public Boolean getAutoResize() {
    return autoResize;
  }

  public void setAutoResize(Boolean autoResize) {
    this.autoResize = autoResize;
  }

  public Integer getAutoResizeLimitGb() {
    return autoResizeLimitGb;
  }

  public void setAutoResizeLimitGb(Integer autoResizeLimitGb) {
    this.autoResizeLimitGb = autoResizeLimitGb;
  }
}
