package dev.runwright.operator.cloudsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runwright.operator.api.cloudsql.CloudSqlDatabase;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseSpec;
import dev.runwright.operator.api.cloudsql.CloudSqlDatabaseStatus;
import dev.runwright.operator.api.cloudsql.DatabaseSpec;
import dev.runwright.operator.api.cloudsql.InstanceSpec;
import dev.runwright.operator.api.cloudsql.UserSpec;
import dev.runwright.operator.api.common.ExternalRef;
import dev.runwright.operator.api.common.SecretVersionRef;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudSqlIdentityTest {

  private static CloudSqlDatabase resource(String project) {
    var resource = new CloudSqlDatabase();
    resource.setMetadata(
        new ObjectMetaBuilder().withName("shop.orders").withNamespace("team-a").build());
    var spec = new CloudSqlDatabaseSpec();
    spec.setProject(project);
    spec.setRegion("asia-east1");
    var instance = new InstanceSpec();
    instance.setName("orders");
    spec.setInstance(instance);
    var database = new DatabaseSpec();
    database.setName("jwt");
    spec.setDatabase(database);
    var user = new UserSpec();
    user.setName("svc.user");
    spec.setUser(user);
    resource.setSpec(spec);
    return resource;
  }

  @Test
  void namesComeFromSpecAndTheDefaultProject() {
    var id = CloudSqlIdentity.resolve(resource(null), Optional.of("default-project"));
    assertThat(id.instance().toString()).isEqualTo("projects/default-project/instances/orders");
    assertThat(id.connectionName()).isEqualTo("default-project:asia-east1:orders");
    assertThat(id.database().orElseThrow().toString())
        .isEqualTo("projects/default-project/instances/orders/databases/jwt");
    assertThat(id.user().orElseThrow().host()).isEqualTo("%");
    assertThat(id.passwordSecret().orElseThrow().toString())
        .isEqualTo("projects/default-project/secrets/shop-orders-svc-user-password");
  }

  @Test
  void specProjectWinsOverTheDefault() {
    var id = CloudSqlIdentity.resolve(resource("own-project"), Optional.of("default-project"));
    assertThat(id.instance().project()).isEqualTo("own-project");
  }

  @Test
  void recordedNamesWinSoTheIdentityNeverDrifts() {
    var resource = resource(null);
    var status = new CloudSqlDatabaseStatus();
    var ref = new ExternalRef();
    ref.setName("projects/old-default/instances/orders");
    status.setExternalRef(ref);
    var secret = new SecretVersionRef();
    secret.setSecret("projects/old-default/secrets/custom");
    status.setPasswordSecret(secret);
    resource.setStatus(status);
    var id = CloudSqlIdentity.resolve(resource, Optional.of("new-default"));
    assertThat(id.instance().project()).isEqualTo("old-default");
    assertThat(id.database().orElseThrow().instance().project()).isEqualTo("old-default");
    assertThat(id.passwordSecret().orElseThrow().secret()).isEqualTo("custom");
  }

  @Test
  void noProjectAnywhereIsASpecProblem() {
    assertThatThrownBy(() -> CloudSqlIdentity.resolve(resource(null), Optional.empty()))
        .isInstanceOf(SpecProblem.class)
        .hasMessageContaining("spec.project");
  }

  @Test
  void explicitSecretIdIsUsed() {
    var resource = resource("p-project");
    resource.getSpec().getUser().setPasswordSecret("my-secret");
    assertThat(CloudSqlIdentity.resolve(resource, Optional.empty()).passwordSecret().orElseThrow())
        .hasToString("projects/p-project/secrets/my-secret");
  }
}
