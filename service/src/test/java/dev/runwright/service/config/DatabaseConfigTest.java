package dev.runwright.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConfigTest {

  private static DatabaseConfig read(Map<String, String> env) {
    return MigrateConfig.fromEnvironment(env).database();
  }

  private static ConfigException problems(Map<String, String> env) {
    return (ConfigException)
        org.assertj.core.api.Assertions.catchThrowable(() -> MigrateConfig.fromEnvironment(env));
  }

  @Test
  void tcpUrlWithPort() {
    DatabaseConfig db = read(Map.of("DATABASE_URL", "mysql://app:s3cret@db.internal:3307/auth"));
    assertThat(db.endpoint()).isEqualTo(new DatabaseEndpoint.Tcp("db.internal", 3307));
    assertThat(db.database()).isEqualTo("auth");
    assertThat(db.user()).isEqualTo("app");
    assertThat(db.password()).isEqualTo("s3cret");
  }

  @Test
  void tcpUrlDefaultsToPort3306() {
    assertThat(read(Map.of("DATABASE_URL", "mysql://app:pw@10.0.0.5/auth")).endpoint())
        .isEqualTo(new DatabaseEndpoint.Tcp("10.0.0.5", 3306));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql+pymysql", "mysql+mysqldb", "mysql+mysqlconnector", "mariadb"})
  void sqlAlchemyDriverSpellingsAreAccepted(String scheme) {
    DatabaseConfig db = read(Map.of("DATABASE_URL", scheme + "://app:pw@db:3306/auth"));
    assertThat(db.endpoint()).isEqualTo(new DatabaseEndpoint.Tcp("db", 3306));
  }

  @Test
  void cloudSqlUnixSocketForm() {
    DatabaseConfig db =
        read(
            Map.of(
                "DATABASE_URL",
                "mysql+pymysql://app:pw@/auth?unix_socket=/cloudsql/my-proj:europe-west1:main"));
    assertThat(db.endpoint())
        .isEqualTo(new DatabaseEndpoint.UnixSocket("/cloudsql/my-proj:europe-west1:main"));
    assertThat(db.database()).isEqualTo("auth");
  }

  @Test
  void knownWrongCloudSqlFormIsRejectedWithTheRightForm() {
    ConfigException e =
        problems(
            Map.of(
                "DATABASE_URL", "mysql+pymysql://app:topsecret@/cloudsql/p:europe-west1:i/auth"));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0))
        .contains("mysql://USER:PASSWORD@/auth?unix_socket=/cloudsql/p:europe-west1:i")
        .doesNotContain("topsecret");
  }

  @Test
  void percentEncodedPasswordAndSpecialCharacters() {
    DatabaseConfig db = read(Map.of("DATABASE_URL", "mysql://app:p%40ss:w/rd@db/auth"));
    assertThat(db.password()).isEqualTo("p@ss:w/rd");
  }

  @Test
  void passwordFromFileWhenTheUrlHasNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("password");
    Files.writeString(file, "from-secret-manager\n");
    DatabaseConfig db =
        read(Map.of("DATABASE_URL", "mysql://app@db/auth", "DB_PASSWORD_FILE", file.toString()));
    assertThat(db.password()).isEqualTo("from-secret-manager");
  }

  @Test
  void urlProblemsAreAllReportedAndNeverShowThePassword() {
    ConfigException e =
        problems(Map.of("DATABASE_URL", "postgres://app:hunter22@db:99999/auth?sslmode=require"));
    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).contains("scheme 'postgres'"))
        .anySatisfy(p -> assertThat(p).contains("port"))
        .anySatisfy(p -> assertThat(p).contains("sslmode"));
    assertThat(e.getMessage()).doesNotContain("hunter22");
  }

  @Test
  void urlWithoutHostOrSocketIsRejected() {
    assertThat(problems(Map.of("DATABASE_URL", "mysql://app:pw@/auth")).problems())
        .singleElement()
        .asString()
        .contains("no host");
  }

  @Test
  void dbVariablesOverTcp() {
    DatabaseConfig db =
        read(
            Map.of(
                "DB_HOST",
                "db.internal",
                "DB_PORT",
                "3310",
                "DB_NAME",
                "auth",
                "DB_USER",
                "app",
                "DB_PASSWORD",
                "pw"));
    assertThat(db.endpoint()).isEqualTo(new DatabaseEndpoint.Tcp("db.internal", 3310));
  }

  @Test
  void dbVariablesOverSocketWithPasswordFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pw");
    Files.writeString(file, "filepw");
    DatabaseConfig db =
        read(
            Map.of(
                "INSTANCE_UNIX_SOCKET", "/cloudsql/p:r:i",
                "DB_NAME", "auth",
                "DB_USER", "app",
                "DB_PASSWORD_FILE", file.toString()));
    assertThat(db.endpoint()).isEqualTo(new DatabaseEndpoint.UnixSocket("/cloudsql/p:r:i"));
    assertThat(db.password()).isEqualTo("filepw");
  }

  @Test
  void missingDbVariablesAreReportedTogether() {
    ConfigException e = problems(Map.of("DB_HOST", "db", "DB_PORT", "x"));
    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("DB_PORT"))
        .anySatisfy(p -> assertThat(p).startsWith("DB_NAME"))
        .anySatisfy(p -> assertThat(p).startsWith("DB_USER"))
        .anySatisfy(p -> assertThat(p).startsWith("DB_PASSWORD"));
  }

  @Test
  void nothingConfiguredHasNoLocalhostDefault() {
    ConfigException e = problems(Map.of());
    assertThat(e.problems()).singleElement().asString().contains("no database configured");
  }

  @Test
  void urlAndVariablesTogetherAreAmbiguous() {
    assertThat(problems(Map.of("DATABASE_URL", "mysql://a:b@db/x", "DB_HOST", "db")).problems())
        .singleElement()
        .asString()
        .contains("either DATABASE_URL or the DB_* variables");
  }

  @Test
  void passwordInlineAndFileTogetherIsAProblem() {
    Map<String, String> env = new HashMap<>();
    env.put("DB_HOST", "db");
    env.put("DB_NAME", "auth");
    env.put("DB_USER", "app");
    env.put("DB_PASSWORD", "a");
    env.put("DB_PASSWORD_FILE", "/nonexistent");
    assertThat(problems(env).problems())
        .anySatisfy(p -> assertThat(p).contains("only one of DB_PASSWORD"));
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(read(Map.of("DATABASE_URL", "mysql://app:verysecret@db/auth")).toString())
        .doesNotContain("verysecret");
  }

  @Test
  void poolSettings() {
    DatabaseConfig db =
        read(
            Map.of(
                "DATABASE_URL",
                "mysql://a:b@db/x",
                "DB_POOL_SIZE",
                "4",
                "DB_CONNECTION_TIMEOUT",
                "500ms"));
    assertThat(db.poolSize()).isEqualTo(4);
    assertThat(db.connectionTimeout()).hasMillis(500);
    assertThatThrownBy(() -> read(Map.of("DATABASE_URL", "mysql://a:b@db/x", "DB_POOL_SIZE", "0")))
        .hasMessageContaining("DB_POOL_SIZE must be between 1 and 200");
  }
}
