package dev.runwright.operator.cloudrun;

import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.run.CloudRunApi;
import dev.runwright.operator.gcp.run.RunService;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretsApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who may do what: the revisions' service account may read exactly the secrets the service
 * references (a grant on each secret, never a project-wide role), and {@code allUsers} may invoke
 * the service only when asked. Policies are read, changed with pure functions and written back with
 * their etag only when a grant is missing, so nobody else's grant is lost.
 */
final class ServiceAccess {
  static final String SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";
  static final String INVOKER = "roles/run.invoker";
  static final String ALL_USERS = "allUsers";

  private final CloudRunApi run;
  private final SecretsApi secrets;

  ServiceAccess(CloudRunApi run, SecretsApi secrets) {
    this.run = run;
    this.secrets = secrets;
  }

  /** A fingerprint of the access {@code desired} needs, compared with the one last applied. */
  static String hash(DesiredService desired, String serviceAccount) {
    StringBuilder key = new StringBuilder(desired.name().toString()).append('\n');
    key.append(serviceAccount).append('\n').append(desired.allowUnauthenticated()).append('\n');
    new TreeSet<>(desired.secrets().stream().map(SecretName::toString).toList())
        .forEach(s -> key.append(s).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * The account the revisions run as: the spec's, else the one Cloud Run filled in (the project's
   * default compute account), else that account derived from the project number Secret Manager
   * reports for a referenced secret; empty when nothing needs it.
   */
  Optional<String> serviceAccount(DesiredService desired, Optional<RunService> service) {
    if (desired.serviceAccount().isPresent()) {
      return desired.serviceAccount();
    }
    Optional<String> reported =
        service.flatMap(s -> s.spec().template().serviceAccount()).filter(a -> !a.isEmpty());
    if (reported.isPresent() || desired.secrets().isEmpty()) {
      return reported;
    }
    SecretName any = desired.secrets().iterator().next();
    String project =
        secrets
            .findSecret(any)
            .map(s -> s.name().project())
            .orElseThrow(
                () ->
                    new SpecProblem(
                        Reasons.SPEC_INVALID,
                        "Secret " + any + " does not exist in Secret Manager"));
    if (!project.chars().allMatch(Character::isDigit)) {
      throw new SpecProblem(
          Reasons.SPEC_INVALID,
          "Cannot tell the project's default compute service account: set spec.serviceAccount");
    }
    return Optional.of(project + "-compute@developer.gserviceaccount.com");
  }

  /**
   * Grants {@code serviceAccount} access to each referenced secret.
   *
   * @return the number of policies written
   */
  int grantSecrets(DesiredService desired, String serviceAccount) {
    String member = "serviceAccount:" + serviceAccount;
    int written = 0;
    for (SecretName secret : desired.secrets()) {
      IamPolicy policy = secrets.getIamPolicy(secret);
      if (!policy.grants(SECRET_ACCESSOR, member)) {
        secrets.setIamPolicy(secret, policy.withMember(SECRET_ACCESSOR, member));
        written++;
      }
    }
    return written;
  }

  /**
   * Makes the service public or private as asked, through its own IAM policy.
   *
   * @return whether the policy was written
   */
  boolean applyInvoker(DesiredService desired) {
    IamPolicy policy = run.getServiceIamPolicy(desired.name());
    IamPolicy wanted =
        desired.allowUnauthenticated()
            ? policy.withMember(INVOKER, ALL_USERS)
            : policy.withoutMember(INVOKER, ALL_USERS);
    if (wanted.equals(policy)) {
      return false;
    }
    run.setServiceIamPolicy(desired.name(), wanted);
    return true;
  }
}
