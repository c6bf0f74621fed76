package dev.runwright.service.tokens;

import com.nimbusds.jose.JOSEObjectType;

/**
 * The two kinds of token, told apart by both the JOSE {@code typ} header (RFC 9068's {@code at+jwt}
 * for access tokens) and the {@code token_use} claim, so a refresh token is never accepted where an
 * access token is expected, nor the reverse.
 */
public enum TokenType {
  ACCESS("access", new JOSEObjectType("at+jwt")),
  REFRESH("refresh", new JOSEObjectType("refresh+jwt"));

  public static final String CLAIM = "token_use";

  private final String claimValue;
  private final JOSEObjectType joseType;

  TokenType(String claimValue, JOSEObjectType joseType) {
    this.claimValue = claimValue;
    this.joseType = joseType;
  }

  public String claimValue() {
    return claimValue;
  }

  public JOSEObjectType joseType() {
    return joseType;
  }
}
