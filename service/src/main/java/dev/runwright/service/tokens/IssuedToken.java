package dev.runwright.service.tokens;

import java.time.Instant;

/** A signed token and the facts the service needs to store or return about it. */
public record IssuedToken(String value, String jti, Instant expiresAt) {
  @Override
  public String toString() {
    return "IssuedToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
  }
}
