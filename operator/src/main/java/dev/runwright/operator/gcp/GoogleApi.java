package dev.runwright.operator.gcp;

/** The Google APIs the operator calls; the {@link #label()} names them in metrics and messages. */
public enum GoogleApi {
  CLOUD_RUN("cloudrun", "Cloud Run"),
  SQL_ADMIN("sqladmin", "Cloud SQL Admin"),
  SECRET_MANAGER("secretmanager", "Secret Manager");

  private final String label;
  private final String displayName;

  GoogleApi(String label, String displayName) {
    this.label = label;
    this.displayName = displayName;
  }

  public String label() {
    return label;
  }

  public String displayName() {
    return displayName;
  }
}
