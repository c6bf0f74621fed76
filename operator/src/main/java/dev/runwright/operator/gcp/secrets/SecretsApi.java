package dev.runwright.operator.gcp.secrets;

import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.SecretValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's port to Secret Manager v1. Every call is synchronous (Secret Manager has no
 * long-running operations); every method throws a {@link
 * dev.runwright.operator.gcp.GoogleApiException} subtype on failure.
 */
public interface SecretsApi {

  Optional<Secret> findSecret(SecretName name);

  /**
   * Creates a secret with automatic replication.
   *
   * @throws dev.runwright.operator.gcp.AlreadyExistsException if it exists (read it instead)
   */
  Secret createSecret(SecretName name, Map<String, String> labels);

  /**
   * Replaces the secret's annotations and version aliases (nothing else).
   *
   * @param etag the secret's etag as read; a concurrent change fails with a conflict
   */
  Secret updateSecretMetadata(
      SecretName name,
      Map<String, String> annotations,
      Map<String, Long> versionAliases,
      String etag);

  /** Deletes the secret and all its versions; {@code false} if it was already gone. */
  boolean deleteSecret(SecretName name);

  /**
   * Adds a version holding {@code value} (sent with its CRC32C so corruption in transit is
   * refused).
   */
  SecretVersion addVersion(SecretName secret, SecretValue value);

  Optional<SecretVersion> findVersion(SecretVersionName name);

  /** Every version of the secret, newest first as Google lists them. */
  List<SecretVersion> listVersions(SecretName secret);

  /**
   * Reads a version's value, checking its CRC32C when Google sends one.
   *
   * @throws dev.runwright.operator.gcp.UnavailableException if the checksum does not match
   */
  SecretValue accessVersion(SecretVersionName name);

  SecretVersion disableVersion(SecretVersionName name);

  SecretVersion destroyVersion(SecretVersionName name);

  IamPolicy getIamPolicy(SecretName name);

  /**
   * @throws dev.runwright.operator.gcp.ConflictException if the policy's etag is stale
   */
  IamPolicy setIamPolicy(SecretName name, IamPolicy policy);
}
