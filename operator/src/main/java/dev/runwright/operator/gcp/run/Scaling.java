package dev.runwright.operator.gcp.run;

/**
 * Instance bounds of a revision; 0 means Cloud Run's default.
 *
 * @param minInstances instances kept warm
 * @param maxInstances upper bound
 */
public record Scaling(int minInstances, int maxInstances) {
  public Scaling {
    if (minInstances < 0 || maxInstances < 0) {
      throw new IllegalArgumentException("instance counts cannot be negative");
    }
  }

  public static Scaling defaults() {
    return new Scaling(0, 0);
  }
}
