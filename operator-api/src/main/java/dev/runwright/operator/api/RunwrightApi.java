package dev.runwright.operator.api;

/** The API group, version and category shared by the three Runwright kinds. */
public final class RunwrightApi {
  public static final String GROUP = "runwright.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** `kubectl get runwright` lists every kind of this category. */
  public static final String CATEGORY = "runwright";

  /** JSONPath of the Ready condition's status, for printer columns. */
  public static final String READY_COLUMN_PATH = ".status.conditions[?(@.type==\"Ready\")].status";

  private RunwrightApi() {}
}
