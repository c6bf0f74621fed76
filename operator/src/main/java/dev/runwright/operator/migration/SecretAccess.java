package dev.runwright.operator.migration;

import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretsApi;

/**
 * Lets a job's service account read one secret (the database password), by a grant on that secret
 * only, never on the project. Reads the policy and writes only when the grant is missing, with the
 * etag, so nobody else's concurrent grant is lost.
 */
final class SecretAccess {
  static final String SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";

  private final SecretsApi secrets;

  SecretAccess(SecretsApi secrets) {
    this.secrets = secrets;
  }

  /** Whether a grant was added (false: it was there already). */
  boolean grant(SecretName secret, String serviceAccount) {
    String member = "serviceAccount:" + serviceAccount;
    IamPolicy policy = secrets.getIamPolicy(secret);
    if (policy.grants(SECRET_ACCESSOR, member)) {
      return false;
    }
    secrets.setIamPolicy(secret, policy.withMember(SECRET_ACCESSOR, member));
    return true;
  }
}
