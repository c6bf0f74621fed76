package dev.runwright.service.logging;

import java.util.logging.LogManager;

/**
 * JUL's own shutdown hook resets logging while other hooks still run, which would swallow the
 * "stopped" line of a graceful shutdown. This manager ignores that reset; {@code Main} resets it
 * after its own hook is done.
 */
public final class ShutdownSafeLogManager extends LogManager {
  private static volatile ShutdownSafeLogManager instance;

  public ShutdownSafeLogManager() {
    instance = this;
  }

  @Override
  public void reset() {
    if (!shuttingDown()) {
      super.reset();
    }
  }

  public static void resetAfterShutdown() {
    if (instance != null) {
      instance.superReset();
    }
  }

  private void superReset() {
    super.reset();
  }

  private static boolean shuttingDown() {
    try {
      Thread probe = new Thread(() -> {});
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
