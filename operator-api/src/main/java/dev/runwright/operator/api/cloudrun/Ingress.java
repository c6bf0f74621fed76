package dev.runwright.operator.api.cloudrun;

/** Which network sources may reach the service. */
public enum Ingress {
  /** Anyone on the internet (Cloud Run INGRESS_TRAFFIC_ALL). */
  All,
  /** Only the project's VPC networks (INGRESS_TRAFFIC_INTERNAL_ONLY). */
  Internal,
  /** VPC networks and Cloud Load Balancing (INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER). */
  InternalAndCloudLoadBalancing
}
