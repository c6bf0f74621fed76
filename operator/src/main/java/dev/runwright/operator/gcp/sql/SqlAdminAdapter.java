package dev.runwright.operator.gcp.sql;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.sqladmin.SQLAdminScopes;
import com.google.api.services.sqladmin.model.Database;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.User;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import dev.runwright.operator.gcp.CallKind;
import dev.runwright.operator.gcp.GoogleApi;
import dev.runwright.operator.gcp.GoogleCall;
import dev.runwright.operator.gcp.GoogleCalls;
import dev.runwright.operator.gcp.SecretValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@link SqlAdminApi} on the discovery-based Cloud SQL Admin v1 client. */
public final class SqlAdminAdapter implements SqlAdminApi {

  private final SQLAdmin client;
  private final GoogleCalls calls;

  SqlAdminAdapter(SQLAdmin client, GoogleCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /**
   * Creates the client: against {@code endpoint} without credentials when given, else against
   * Google with Application Default Credentials; connect and read are each bounded by {@code
   * timeout}.
   */
  public static SqlAdminAdapter create(
      Optional<URI> endpoint, Duration timeout, GoogleCalls calls) {
    HttpRequestInitializer credentials =
        endpoint.isPresent() ? request -> {} : applicationDefault();
    int millis = Math.toIntExact(timeout.toMillis());
    HttpRequestInitializer initializer =
        request -> {
          credentials.initialize(request);
          request.setConnectTimeout(millis).setReadTimeout(millis);
        };
    var builder =
        new SQLAdmin.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), initializer)
            .setApplicationName("runwright-operator");
    endpoint.ifPresent(uri -> builder.setRootUrl(uri + "/"));
    return new SqlAdminAdapter(builder.build(), calls);
  }

  private static HttpRequestInitializer applicationDefault() {
    try {
      return new HttpCredentialsAdapter(
          GoogleCredentials.getApplicationDefault().createScoped(SQLAdminScopes.SQLSERVICE_ADMIN));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no Application Default Credentials for Cloud SQL Admin (set up Workload Identity, or"
              + " GOOGLE_APPLICATION_CREDENTIALS, or an endpoint override for the emulator)",
          e);
    }
  }

  @Override
  public Optional<SqlInstance> findInstance(SqlInstanceName name) {
    return calls
        .find(
            read("instances.get"),
            () -> client.instances().get(name.project(), name.instance()).execute())
        .map(instance -> SqlAdminMapper.fromInstance(name, instance));
  }

  @Override
  public SqlOperationName createInstance(SqlInstanceSpec spec) {
    String project = spec.name().project();
    Operation operation =
        calls.run(
            call("instances.insert", CallKind.CREATE),
            () -> client.instances().insert(project, SqlAdminMapper.toInstance(spec)).execute());
    return SqlAdminMapper.operationName(project, operation);
  }

  @Override
  public SqlOperationName patchInstance(
      SqlInstanceName name, SqlSettings patch, long settingsVersion) {
    Operation operation =
        calls.run(
            call("instances.patch", CallKind.WRITE),
            () ->
                client
                    .instances()
                    .patch(
                        name.project(),
                        name.instance(),
                        SqlAdminMapper.toPatch(patch, settingsVersion))
                    .execute());
    return SqlAdminMapper.operationName(name.project(), operation);
  }

  @Override
  public Optional<SqlOperationName> deleteInstance(SqlInstanceName name) {
    return calls
        .find(
            call("instances.delete", CallKind.WRITE),
            () -> client.instances().delete(name.project(), name.instance()).execute())
        .map(operation -> SqlAdminMapper.operationName(name.project(), operation));
  }

  @Override
  public Optional<SqlDatabase> findDatabase(SqlDatabaseName name) {
    SqlInstanceName instance = name.instance();
    return calls
        .find(
            read("databases.get"),
            () ->
                client
                    .databases()
                    .get(instance.project(), instance.instance(), name.database())
                    .execute())
        .map(database -> SqlAdminMapper.fromDatabase(instance, database));
  }

  @Override
  public SqlOperationName createDatabase(SqlDatabaseName name, String charset, String collation) {
    SqlInstanceName instance = name.instance();
    var database =
        new Database().setName(name.database()).setCharset(charset).setCollation(collation);
    Operation operation =
        calls.run(
            call("databases.insert", CallKind.CREATE),
            () ->
                client
                    .databases()
                    .insert(instance.project(), instance.instance(), database)
                    .execute());
    return SqlAdminMapper.operationName(instance.project(), operation);
  }

  @Override
  public Optional<SqlOperationName> deleteDatabase(SqlDatabaseName name) {
    SqlInstanceName instance = name.instance();
    return calls
        .find(
            call("databases.delete", CallKind.WRITE),
            () ->
                client
                    .databases()
                    .delete(instance.project(), instance.instance(), name.database())
                    .execute())
        .map(operation -> SqlAdminMapper.operationName(instance.project(), operation));
  }

  @Override
  public boolean userExists(SqlUserName name) {
    SqlInstanceName instance = name.instance();
    return calls
        .find(
            read("users.get"),
            () ->
                client
                    .users()
                    .get(instance.project(), instance.instance(), name.user())
                    .setHost(name.host())
                    .execute())
        .isPresent();
  }

  @Override
  public SqlOperationName createUser(SqlUserName name, SecretValue password) {
    SqlInstanceName instance = name.instance();
    var user = new User().setName(name.user()).setHost(name.host()).setPassword(password.utf8());
    Operation operation =
        calls.run(
            call("users.insert", CallKind.CREATE),
            () -> client.users().insert(instance.project(), instance.instance(), user).execute());
    return SqlAdminMapper.operationName(instance.project(), operation);
  }

  @Override
  public SqlOperationName setUserPassword(SqlUserName name, SecretValue password) {
    SqlInstanceName instance = name.instance();
    var user = new User().setPassword(password.utf8());
    Operation operation =
        calls.run(
            call("users.update", CallKind.WRITE),
            () ->
                client
                    .users()
                    .update(instance.project(), instance.instance(), user)
                    .setName(name.user())
                    .setHost(name.host())
                    .execute());
    return SqlAdminMapper.operationName(instance.project(), operation);
  }

  @Override
  public Optional<SqlOperationName> deleteUser(SqlUserName name) {
    SqlInstanceName instance = name.instance();
    return calls
        .find(
            call("users.delete", CallKind.WRITE),
            () ->
                client
                    .users()
                    .delete(instance.project(), instance.instance())
                    .setName(name.user())
                    .setHost(name.host())
                    .execute())
        .map(operation -> SqlAdminMapper.operationName(instance.project(), operation));
  }

  @Override
  public SqlOperation getOperation(SqlOperationName name) {
    Operation operation =
        calls.run(
            read("operations.get"),
            () -> client.operations().get(name.project(), name.operation()).execute());
    return SqlAdminMapper.fromOperation(name.project(), operation);
  }

  private static GoogleCall read(String method) {
    return call(method, CallKind.READ);
  }

  private static GoogleCall call(String method, CallKind kind) {
    return GoogleCall.of(GoogleApi.SQL_ADMIN, method, kind);
  }
}
