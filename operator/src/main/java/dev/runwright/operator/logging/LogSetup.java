package dev.runwright.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.runwright.operator.config.OperatorConfig;
import org.slf4j.LoggerFactory;

/** Configures logging once, from the operator's configuration, before anything else logs. */
public final class LogSetup {
  private static final String TEXT_PATTERN =
      "%d{HH:mm:ss.SSS} %-5level [%X{resource.namespace}/%X{resource.name}] %logger{36} - %msg%n";

  private LogSetup() {}

  public static void configure(OperatorConfig.Logging logging) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();

    LayoutBase<ILoggingEvent> layout;
    if (logging.format() == OperatorConfig.LogFormat.JSON) {
      layout = new JsonLineLayout();
    } else {
      PatternLayout pattern = new PatternLayout();
      pattern.setPattern(TEXT_PATTERN);
      layout = pattern;
    }
    layout.setContext(context);
    layout.start();

    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder);
    console.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(logging.level().name()));
    root.addAppender(console);
    // The clients' own request logging is noise at INFO; our adapters log what changed.
    context.getLogger("io.fabric8").setLevel(Level.WARN);
    context.getLogger("com.google").setLevel(Level.WARN);
  }
}
