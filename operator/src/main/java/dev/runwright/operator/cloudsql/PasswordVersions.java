package dev.runwright.operator.cloudsql;

import dev.runwright.operator.gcp.AlreadyExistsException;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.secrets.Secret;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretVersion;
import dev.runwright.operator.gcp.secrets.SecretVersionName;
import dev.runwright.operator.gcp.secrets.SecretsApi;
import dev.runwright.operator.reconcile.OwnerLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The password's secret and its versions: exactly one version per rotation token, however often a
 * reconcile runs and wherever the operator is killed.
 *
 * <p>The version made for a token is found again through a version alias ({@link RotationAlias}).
 * Adding a version and setting its alias are two calls, so before adding, the secret is marked with
 * the alias it is about to get and the newest version number at that moment; a reconcile that finds
 * the mark adopts the version added after it instead of adding another one.
 */
final class PasswordVersions {
  static final String PENDING_ALIAS = "runwright-pending-alias";
  static final String PENDING_AFTER = "runwright-pending-after-version";

  private final SecretsApi secrets;
  private final PasswordGenerator passwords;

  PasswordVersions(SecretsApi secrets, PasswordGenerator passwords) {
    this.secrets = secrets;
    this.passwords = passwords;
  }

  /** What ensuring a version did, for Events. */
  record Outcome(SecretVersionName version, boolean secretCreated, boolean versionAdded) {}

  /**
   * The version holding the password for {@code rotationToken}, created when missing.
   *
   * @throws SpecProblem if a secret of that name exists but another resource (or a person) made it
   */
  Outcome ensure(SecretName name, String rotationToken, HasMetadata owner) {
    boolean created = false;
    Secret secret = secrets.findSecret(name).orElse(null);
    if (secret == null) {
      try {
        secret = secrets.createSecret(name, OwnerLabels.of(owner));
        created = true;
      } catch (AlreadyExistsException raced) {
        secret = secrets.findSecret(name).orElseThrow(() -> raced);
      }
    }
    if (!OwnerLabels.ownedBy(secret.labels(), owner)) {
      throw new SpecProblem(
          "PasswordSecretNotOwned",
          "Secret Manager secret "
              + name
              + " exists but was not created for this resource (labels "
              + OwnerLabels.of(owner)
              + " missing); choose another spec.user.passwordSecret or delete that secret");
    }
    String alias = RotationAlias.forToken(rotationToken);
    Long aliased = secret.versionAliases().get(alias);
    if (aliased != null) {
      return new Outcome(name.version(Long.toString(aliased)), created, false);
    }
    Optional<Long> addedBeforeCrash = versionAddedAfterMark(name, secret, alias);
    if (addedBeforeCrash.isPresent()) {
      publishAlias(name, secret, alias, addedBeforeCrash.get());
      return new Outcome(name.version(Long.toString(addedBeforeCrash.get())), created, true);
    }
    Map<String, String> marked = new HashMap<>(secret.annotations());
    marked.put(PENDING_ALIAS, alias);
    marked.put(PENDING_AFTER, Long.toString(created ? 0 : newestVersion(name)));
    secret = secrets.updateSecretMetadata(name, marked, secret.versionAliases(), secret.etag());
    SecretValue password = passwords.next();
    SecretVersion version = secrets.addVersion(name, password);
    long number = Long.parseLong(version.name().version());
    publishAlias(name, secret, alias, number);
    return new Outcome(name.version(Long.toString(number)), created, true);
  }

  /** Reads a version's value, to set it on the MySQL user. */
  SecretValue value(SecretVersionName version) {
    return secrets.accessVersion(version);
  }

  private Optional<Long> versionAddedAfterMark(SecretName name, Secret secret, String alias) {
    if (!alias.equals(secret.annotations().get(PENDING_ALIAS))) {
      return Optional.empty();
    }
    long after = Long.parseLong(secret.annotations().getOrDefault(PENDING_AFTER, "0"));
    return secrets.listVersions(name).stream()
        .map(v -> Long.parseLong(v.name().version()))
        .filter(number -> number > after)
        .min(Long::compare);
  }

  private void publishAlias(SecretName name, Secret secret, String alias, long version) {
    Map<String, String> annotations = new HashMap<>(secret.annotations());
    annotations.remove(PENDING_ALIAS);
    annotations.remove(PENDING_AFTER);
    Map<String, Long> aliases = new HashMap<>(secret.versionAliases());
    aliases.put(alias, version);
    secrets.updateSecretMetadata(name, annotations, aliases, secret.etag());
  }

  private long newestVersion(SecretName name) {
    return secrets.listVersions(name).stream()
        .mapToLong(v -> Long.parseLong(v.name().version()))
        .max()
        .orElse(0);
  }
}
