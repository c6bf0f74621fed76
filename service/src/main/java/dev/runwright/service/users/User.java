package dev.runwright.service.users;

import java.time.Instant;

/** A stored account. The password hash never leaves the service. */
public record User(long id, String username, String passwordHash, Instant createdAt) {
  @Override
  public String toString() {
    return "User[id=" + id + ", username=" + username + "]";
  }
}
