package dev.runwright.operator.gcp.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The writable part of a Cloud Run service: what the operator sends on create and update. */
public record ServiceSpec(
    Map<String, String> labels,
    Map<String, String> annotations,
    Ingress ingress,
    RevisionTemplate template,
    List<TrafficTarget> traffic) {

  public ServiceSpec {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(ingress, "ingress");
    Objects.requireNonNull(template, "template");
    traffic = List.copyOf(traffic);
  }
}
