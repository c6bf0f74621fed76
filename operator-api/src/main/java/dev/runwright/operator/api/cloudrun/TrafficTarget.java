package dev.runwright.operator.api.cloudrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One entry of the traffic split as observed on Cloud Run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficTarget {
  @JsonPropertyDescription("Revision name (short form).")
  private String revision;

  @JsonPropertyDescription("Percentage of requests routed to the revision.")
  private Integer percent;

  @JsonPropertyDescription("Traffic tag of the entry, if any.")
  private String tag;

  @JsonPropertyDescription("URL that reaches this entry's revision directly, for tagged entries.")
  private String uri;

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public Integer getPercent() {
    return percent;
  }

  public void setPercent(Integer percent) {
    this.percent = percent;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }
}
