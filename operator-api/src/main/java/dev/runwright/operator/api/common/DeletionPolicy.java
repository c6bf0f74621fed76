package dev.runwright.operator.api.common;

/** What happens to the Google resources when the custom resource is deleted. */
public enum DeletionPolicy {
  /** Keep every Google resource; only the Kubernetes object goes away. */
  Retain,
  /** Delete the Google resources the operator owns. */
  Delete
}
