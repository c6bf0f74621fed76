package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.gcp.IamPolicy;
import dev.runwright.operator.gcp.SecretValue;
import dev.runwright.operator.gcp.secrets.Secret;
import dev.runwright.operator.gcp.secrets.SecretName;
import dev.runwright.operator.gcp.secrets.SecretVersion;
import dev.runwright.operator.gcp.secrets.SecretVersionName;
import dev.runwright.operator.gcp.secrets.SecretsApi;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Exactly one version per rotation token, also when the operator dies between two calls. */
class PasswordVersionsTest {
  private static final SecretName NAME = new SecretName("p-project", "db-user-password");

  private final InMemorySecrets secrets = new InMemorySecrets();
  private final PasswordVersions versions =
      new PasswordVersions(secrets, new PasswordGenerator(new SecureRandom()));

  private static CloudSqlDatabase owner(String name) {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
    return resource;
  }

  @Test
  void firstCallCreatesSecretAndOneVersionLaterCallsAddNothing() {
    var first = versions.ensure(NAME, null, owner("db"));
    assertThat(first.secretCreated()).isTrue();
    assertThat(first.versionAdded()).isTrue();
    assertThat(first.version().version()).isEqualTo("1");
    var again = versions.ensure(NAME, null, owner("db"));
    assertThat(again).isEqualTo(new PasswordVersions.Outcome(first.version(), false, false));
    assertThat(secrets.values).hasSize(1);
    assertThat(secrets.writes).isEqualTo(4);
  }

  @Test
  void aNewTokenAddsExactlyOneVersion() {
    versions.ensure(NAME, null, owner("db"));
    var rotated = versions.ensure(NAME, "r1", owner("db"));
    assertThat(rotated.version().version()).isEqualTo("2");
    assertThat(versions.ensure(NAME, "r1", owner("db")).versionAdded()).isFalse();
    assertThat(versions.ensure(NAME, null, owner("db")).version().version()).isEqualTo("1");
    assertThat(secrets.values).hasSize(2);
  }

  @Test
  void aCrashBetweenAddingAndAliasingIsResumedWithoutAnotherVersion() {
    versions.ensure(NAME, null, owner("db"));
    secrets.failAliasUpdateOnce = true;
    assertThatThrownBy(() -> versions.ensure(NAME, "r1", owner("db")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(secrets.values).hasSize(2);

    var resumed = versions.ensure(NAME, "r1", owner("db"));
    assertThat(resumed.version().version()).isEqualTo("2");
    assertThat(secrets.values).hasSize(2);
    assertThat(secrets.secret.versionAliases()).containsEntry(RotationAlias.forToken("r1"), 2L);
    assertThat(secrets.secret.annotations()).doesNotContainKey(PasswordVersions.PENDING_ALIAS);
  }

  @Test
  void aSecretMadeForSomeoneElseIsRefused() {
    versions.ensure(NAME, null, owner("db"));
    assertThatThrownBy(() -> versions.ensure(NAME, null, owner("other")))
        .isInstanceOf(SpecProblem.class)
        .hasMessageContaining("was not created for this resource");
  }

  /** Secret Manager for one secret, counting writes, with a switch to fail an alias update. */
  private static final class InMemorySecrets implements SecretsApi {
    Secret secret;
    final List<SecretValue> values = new ArrayList<>();
    int writes;
    int etag;
    boolean failAliasUpdateOnce;

    @Override
    public Optional<Secret> findSecret(SecretName name) {
      return Optional.ofNullable(secret);
    }

    @Override
    public Secret createSecret(SecretName name, Map<String, String> labels) {
      writes++;
      secret = new Secret(name, labels, Map.of(), Map.of(), Optional.empty(), "e" + etag++);
      return secret;
    }

    @Override
    public Secret updateSecretMetadata(
        SecretName name,
        Map<String, String> annotations,
        Map<String, Long> versionAliases,
        String etagSeen) {
      if (!etagSeen.equals(secret.etag())) {
        throw new IllegalStateException("stale etag");
      }
      if (failAliasUpdateOnce && versionAliases.size() > secret.versionAliases().size()) {
        failAliasUpdateOnce = false;
        throw new IllegalStateException("operator killed before the alias was set");
      }
      writes++;
      secret =
          new Secret(
              name,
              secret.labels(),
              annotations,
              new TreeMap<>(versionAliases),
              Optional.empty(),
              "e" + etag++);
      return secret;
    }

    @Override
    public SecretVersion addVersion(SecretName name, SecretValue value) {
      writes++;
      values.add(value);
      // Google answers with the project number.
      return new SecretVersion(
          new SecretVersionName("123456", name.secret(), Integer.toString(values.size())),
          SecretVersion.State.ENABLED,
          Optional.empty());
    }

    @Override
    public List<SecretVersion> listVersions(SecretName name) {
      List<SecretVersion> list = new ArrayList<>();
      for (int i = values.size(); i >= 1; i--) {
        list.add(
            new SecretVersion(
                name.version(Integer.toString(i)), SecretVersion.State.ENABLED, Optional.empty()));
      }
      return list;
    }

    @Override
    public SecretValue accessVersion(SecretVersionName name) {
      return values.get(Integer.parseInt(name.version()) - 1);
    }

    @Override
    public boolean deleteSecret(SecretName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<SecretVersion> findVersion(SecretVersionName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SecretVersion disableVersion(SecretVersionName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SecretVersion destroyVersion(SecretVersionName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public IamPolicy getIamPolicy(SecretName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public IamPolicy setIamPolicy(SecretName name, IamPolicy policy) {
      throw new UnsupportedOperationException();
    }
  }
}
