package dev.runwright.service.users;

/** Registration hit the unique key on the username. */
public final class UsernameTakenException extends Exception {
  public UsernameTakenException() {
    super("username is taken");
  }
}
