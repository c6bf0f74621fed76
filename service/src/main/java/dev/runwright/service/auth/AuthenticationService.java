package dev.runwright.service.auth;

import dev.runwright.service.auth.AuthException.Reason;
import dev.runwright.service.passwords.Argon2idHasher;
import dev.runwright.service.passwords.PasswordPolicy;
import dev.runwright.service.ratelimit.TokenBucketLimiter;
import dev.runwright.service.tokens.InvalidTokenException;
import dev.runwright.service.tokens.IssuedToken;
import dev.runwright.service.tokens.RefreshTokenStore;
import dev.runwright.service.tokens.TokenCodec;
import dev.runwright.service.tokens.TokenType;
import dev.runwright.service.tokens.VerifiedToken;
import dev.runwright.service.users.User;
import dev.runwright.service.users.UserStore;
import dev.runwright.service.users.UsernameTakenException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registration, login, refresh rotation and logout; the HTTP layer only maps in and out. */
public final class AuthenticationService {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,63}");
  private static final System.Logger LOG = System.getLogger(AuthenticationService.class.getName());
  static final String BAD_CREDENTIALS = "incorrect username or password";

  private final UserStore users;
  private final RefreshTokenStore refreshTokens;
  private final TokenCodec tokens;
  private final Argon2idHasher hasher;
  private final PasswordPolicy policy;
  private final TokenBucketLimiter accountFailures;
  private final TokenBucketLimiter clientAttempts;
  private final Clock clock;

  public AuthenticationService(
      UserStore users,
      RefreshTokenStore refreshTokens,
      TokenCodec tokens,
      Argon2idHasher hasher,
      PasswordPolicy policy,
      TokenBucketLimiter accountFailures,
      TokenBucketLimiter clientAttempts,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.tokens = tokens;
    this.hasher = hasher;
    this.policy = policy;
    this.accountFailures = accountFailures;
    this.clientAttempts = clientAttempts;
    this.clock = clock;
  }

  public User register(String rawUsername, String password, String client)
      throws AuthException, SQLException {
    limitClient(client);
    String username = normalise(rawUsername);
    if (!USERNAME.matcher(username).matches()) {
      throw new AuthException(
          Reason.INVALID_INPUT,
          "username must be 3 to 64 characters: letters, digits and . _ @ + - (starting with a"
              + " letter or digit)");
    }
    if (password == null) {
      throw new AuthException(Reason.INVALID_INPUT, "password is required");
    }
    Optional<String> weak = policy.check(username, password);
    if (weak.isPresent()) {
      throw new AuthException(Reason.INVALID_INPUT, weak.get());
    }
    String hash = hasher.hash(password.toCharArray());
    try {
      User user = users.create(username, hash);
      LOG.log(System.Logger.Level.INFO, "registered user {0}", user.id());
      return user;
    } catch (UsernameTakenException e) {
      throw new AuthException(Reason.USERNAME_TAKEN, "username is not available");
    }
  }

  /**
   * Same answer, status and work for an unknown user and a wrong password: unknown users are
   * verified against a dummy hash, and both count against the account's failure budget.
   */
  public TokenPair login(String rawUsername, String password, String client)
      throws AuthException, SQLException {
    limitClient(client);
    if (rawUsername == null || password == null || rawUsername.isBlank() || password.isEmpty()) {
      throw new AuthException(Reason.INVALID_INPUT, "username and password are required");
    }
    String username = normalise(rawUsername);
    String accountKey = "account:" + username;
    Optional<Duration> locked = accountFailures.waitTime(accountKey);
    if (locked.isPresent()) {
      throw new AuthException(
          Reason.RATE_LIMITED, "too many failed logins for this account; try again later", locked);
    }
    Optional<User> user = users.findByUsername(username);
    boolean ok;
    if (user.isPresent()) {
      ok = hasher.verify(password.toCharArray(), user.get().passwordHash());
    } else {
      hasher.verifyDummy(password.toCharArray());
      ok = false;
    }
    if (!ok) {
      accountFailures.tryAcquire(accountKey);
      throw new AuthException(Reason.INVALID_CREDENTIALS, BAD_CREDENTIALS);
    }
    accountFailures.reset(accountKey);
    return startSession(user.get().id());
  }

  public TokenPair refresh(String refreshToken) throws AuthException, SQLException {
    VerifiedToken presented = verifyRefresh(refreshToken);
    IssuedToken next = tokens.issue(TokenType.REFRESH, presented.userId(), presented.familyId());
    switch (refreshTokens.rotate(presented, next, clock.instant())) {
      case ROTATED -> {
        return new TokenPair(
            tokens.issue(TokenType.ACCESS, presented.userId(), Optional.empty()), next);
      }
      case REUSE_DETECTED -> {
        LOG.log(
            System.Logger.Level.WARNING,
            "refresh token re-use detected for user {0}; token family revoked",
            presented.userId());
        throw new AuthException(
            Reason.TOKEN_REUSED,
            "refresh token was already used; all tokens from this login are revoked, log in again");
      }
      default -> throw new AuthException(Reason.INVALID_TOKEN, "refresh token is not valid");
    }
  }

  public void logout(String refreshToken) throws AuthException, SQLException {
    VerifiedToken presented = verifyRefresh(refreshToken);
    refreshTokens.revokeFamilyOf(presented);
  }

  /** The user an access token belongs to. */
  public User currentUser(String accessToken) throws AuthException, SQLException {
    VerifiedToken token;
    try {
      token = tokens.verify(TokenType.ACCESS, accessToken);
    } catch (InvalidTokenException e) {
      LOG.log(System.Logger.Level.DEBUG, "access token rejected: {0}", e.getMessage());
      throw new AuthException(Reason.INVALID_TOKEN, "access token is missing, invalid or expired");
    }
    return users
        .findById(token.userId())
        .orElseThrow(
            () ->
                new AuthException(
                    Reason.INVALID_TOKEN, "access token is missing, invalid or expired"));
  }

  private VerifiedToken verifyRefresh(String refreshToken) throws AuthException {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new AuthException(Reason.INVALID_INPUT, "refresh_token is required");
    }
    try {
      return tokens.verify(TokenType.REFRESH, refreshToken);
    } catch (InvalidTokenException e) {
      LOG.log(System.Logger.Level.DEBUG, "refresh token rejected: {0}", e.getMessage());
      throw new AuthException(Reason.INVALID_TOKEN, "refresh token is not valid");
    }
  }

  private TokenPair startSession(long userId) throws SQLException {
    String family = UUID.randomUUID().toString();
    IssuedToken refresh = tokens.issue(TokenType.REFRESH, userId, Optional.of(family));
    refreshTokens.insert(refresh, family, userId, clock.instant());
    return new TokenPair(tokens.issue(TokenType.ACCESS, userId, Optional.empty()), refresh);
  }

  private void limitClient(String client) throws AuthException {
    Optional<Duration> wait = clientAttempts.tryAcquire("client:" + client);
    if (wait.isPresent()) {
      throw new AuthException(
          Reason.RATE_LIMITED, "too many attempts from this client; try again later", wait);
    }
  }

  private static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
