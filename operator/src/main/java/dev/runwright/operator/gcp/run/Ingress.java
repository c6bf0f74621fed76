package dev.runwright.operator.gcp.run;

/** Which networks may reach a service. */
public enum Ingress {
  UNSPECIFIED,
  ALL,
  INTERNAL_ONLY,
  INTERNAL_LOAD_BALANCER,
  NONE
}
