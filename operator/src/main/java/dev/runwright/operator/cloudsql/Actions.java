package dev.runwright.operator.cloudsql;

import java.util.Set;

/**
 * The {@code status.pendingOperation.action} values. For the two password actions the target is the
 * secret version being set on the user, so finishing the operation publishes exactly that version.
 */
final class Actions {
  static final String CREATE_INSTANCE = "CreateInstance";
  static final String UPDATE_INSTANCE = "UpdateInstance";
  static final String CREATE_DATABASE = "CreateDatabase";
  static final String CREATE_USER = "CreateUser";
  static final String SET_USER_PASSWORD = "SetUserPassword";

  static final Set<String> SETS_PASSWORD = Set.of(CREATE_USER, SET_USER_PASSWORD);

  private Actions() {}
}
