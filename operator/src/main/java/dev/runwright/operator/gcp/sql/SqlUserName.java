package dev.runwright.operator.gcp.sql;

import java.util.Objects;

/**
 * A MySQL user of an instance: {@code projects/{project}/instances/{instance}/users/{user}} plus
 * the host it may connect from.
 */
public record SqlUserName(SqlInstanceName instance, String user, String host) {

  public SqlUserName {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    if (user.isEmpty() || user.length() > 32) {
      throw new IllegalArgumentException(
          "a MySQL user name has 1 to 32 characters, was '" + user + "'");
    }
  }

  @Override
  public String toString() {
    return instance + "/users/" + user + (host.equals("%") ? "" : "@" + host);
  }
}
