package dev.runwright.service.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code DATABASE_URL} the way SQLAlchemy does, so URLs from existing deployments keep
 * working: {@code mysql://user:pass@host:3306/db}, {@code mysql+pymysql://...}, and the Cloud SQL
 * socket form {@code mysql://user:pass@/db?unix_socket=/cloudsql/PROJECT:REGION:INSTANCE}.
 */
public final class DatabaseUrl {
  /** SQLAlchemy's URL pattern: the password may contain ':' and '/', but not '@'. */
  private static final Pattern URL =
      Pattern.compile(
          "(?<scheme>[\\w+]+)://"
              + "(?:(?<user>[^:/]*)(?::(?<password>[^@]*))?@)?"
              + "(?:(?:\\[(?<ipv6>[^/?]+)]|(?<host>[^/:?]+))?(?::(?<port>[^/?]*))?)?"
              + "(?:/(?<database>[^?]*))?"
              + "(?:\\?(?<query>.*))?",
          Pattern.DOTALL);

  private static final Set<String> SCHEMES = Set.of("mysql", "mariadb");
  private static final Set<String> DRIVERS =
      Set.of("pymysql", "mysqldb", "mysqlconnector", "aiomysql", "asyncmy", "mariadbconnector");
  private static final Pattern WRONG_CLOUDSQL =
      Pattern.compile("cloudsql/(?<instance>[^/]+)/(?<database>[^/]+)");

  /** The parts of a valid URL. */
  record Parsed(
      DatabaseEndpoint endpoint, String database, String user, Optional<String> password) {}

  private DatabaseUrl() {}

  /** Parses the URL, reporting problems to {@code reader} (never echoing the password). */
  static Parsed parse(String url, EnvironmentReader reader) {
    Matcher m = URL.matcher(url.trim());
    if (!m.matches()) {
      reader.problem(
          "DATABASE_URL is not a URL of the form mysql://USER:PASSWORD@HOST:PORT/DATABASE (got '"
              + redact(url)
              + "')");
      return null;
    }
    int before = reader.problems().size();
    String scheme = m.group("scheme");
    String[] schemeParts = scheme.split("\\+", 2);
    if (!SCHEMES.contains(schemeParts[0])
        || (schemeParts.length == 2 && !DRIVERS.contains(schemeParts[1]))) {
      reader.problem(
          "DATABASE_URL scheme '"
              + scheme
              + "' is not supported; use mysql:// (mysql+pymysql:// and other SQLAlchemy MySQL"
              + " driver spellings are accepted)");
    }
    String user = decode(m.group("user"));
    if (user == null || user.isEmpty()) {
      reader.problem("DATABASE_URL has no user (mysql://USER:PASSWORD@...)");
    }
    Optional<String> password = Optional.ofNullable(decode(m.group("password")));
    String host = m.group("ipv6") != null ? m.group("ipv6") : m.group("host");
    String database = m.group("database") == null ? "" : decode(m.group("database"));
    String unixSocket = null;
    if (m.group("query") != null && !m.group("query").isEmpty()) {
      for (String pair : m.group("query").split("&")) {
        String[] kv = pair.split("=", 2);
        String key = decode(kv[0]);
        String value = kv.length == 2 ? decode(kv[1]) : "";
        switch (key) {
          case "unix_socket" -> unixSocket = value;
          case "charset" -> {
            if (!value.equalsIgnoreCase("utf8mb4") && !value.equalsIgnoreCase("utf8")) {
              reader.problem("DATABASE_URL charset must be utf8mb4, got '" + value + "'");
            }
          }
          default ->
              reader.problem(
                  "DATABASE_URL query parameter '"
                      + key
                      + "' is not supported (supported: unix_socket, charset)");
        }
      }
    }
    Matcher wrong = WRONG_CLOUDSQL.matcher(database);
    if (host == null && wrong.matches()) {
      reader.problem(
          "DATABASE_URL puts the Cloud SQL socket in the path (mysql://USER:PASSWORD@/cloudsql/"
              + wrong.group("instance")
              + "/"
              + wrong.group("database")
              + "), which is not a valid MySQL URL; the socket goes in the unix_socket query"
              + " parameter: mysql://USER:PASSWORD@/"
              + wrong.group("database")
              + "?unix_socket=/cloudsql/"
              + wrong.group("instance"));
      return null;
    }
    if (database.isEmpty()) {
      reader.problem(
          "DATABASE_URL has no database name (mysql://USER:PASSWORD@HOST:PORT/DATABASE)");
    } else if (database.contains("/")) {
      reader.problem("DATABASE_URL database name '" + database + "' must not contain '/'");
    }
    DatabaseEndpoint endpoint = null;
    if (unixSocket != null) {
      if (host != null) {
        reader.problem("DATABASE_URL has both a host and unix_socket; use one");
      } else if (!unixSocket.startsWith("/")) {
        reader.problem(
            "DATABASE_URL unix_socket must be an absolute path, got '" + unixSocket + "'");
      } else {
        endpoint = new DatabaseEndpoint.UnixSocket(unixSocket);
      }
    } else if (host == null) {
      reader.problem(
          "DATABASE_URL has no host; give one (mysql://USER:PASSWORD@HOST:3306/DATABASE) or a"
              + " unix socket (mysql://USER:PASSWORD@/DATABASE?unix_socket=/cloudsql/PROJECT:REGION:INSTANCE)");
    } else {
      int port = 3306;
      if (m.group("port") != null && !m.group("port").isEmpty()) {
        try {
          port = Integer.parseInt(m.group("port"));
          if (port < 1 || port > 65535) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          reader.problem("DATABASE_URL port must be 1..65535, got '" + m.group("port") + "'");
        }
      }
      endpoint = new DatabaseEndpoint.Tcp(host, port);
    }
    if (reader.problems().size() > before || endpoint == null) {
      return null;
    }
    return new Parsed(endpoint, database, user, password);
  }

  /** The URL with any password replaced by {@code ***}, for messages. */
  static String redact(String url) {
    return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
  }

  private static String decode(String s) {
    return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
