package io.langop.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.langop.wire.ServiceWire;
import java.util.Locale;
import java.util.Map;

/**
 * Configures logback from the environment so every langop process logs the same way without a
 * logback.xml: {@code LOG_LEVEL} (trace, debug, info, warn, error; default info) and
 * {@code LOG_FORMAT} ({@code text}, default, or {@code json} for one JSON object per line). MDC keys
 * such as {@code agent}, {@code run}, {@code step} and {@code tool} appear in both formats. The secrets registered
 * with {@link LogRedaction} never appear in either.
 *
 * <p>A user who ships a logback.xml (or sets {@code -Dlogback.configurationFile}) keeps control: this
 * configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class EnvLoggingConfigurator extends ContextAwareBase implements Configurator {

    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} %X - %msg%n";

    private final Map<String, String> env;

    public EnvLoggingConfigurator() {
        this(System.getenv());
    }

    EnvLoggingConfigurator(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public ExecutionStatus configure(LoggerContext loggerContext) {
        if (userConfigurationPresent()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(loggerContext);
        console.setName("console");
        console.setEncoder(encoder(loggerContext));
        console.start();

        ch.qos.logback.classic.Logger root = loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(level());
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    Level level() {
        return Level.toLevel(env.getOrDefault(ServiceWire.LOG_LEVEL_ENV, "info"), Level.INFO);
    }

    boolean json() {
        return "json"
                .equals(env.getOrDefault(ServiceWire.LOG_FORMAT_ENV, "text")
                        .trim()
                        .toLowerCase(Locale.ROOT));
    }

    private Encoder<ILoggingEvent> encoder(LoggerContext loggerContext) {
        RedactingEncoder<ILoggingEvent> redacting = new RedactingEncoder<>(format(loggerContext));
        redacting.setContext(loggerContext);
        redacting.start();
        return redacting;
    }

    private Encoder<ILoggingEvent> format(LoggerContext loggerContext) {
        if (json()) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(loggerContext);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(loggerContext);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static boolean userConfigurationPresent() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EnvLoggingConfigurator.class.getClassLoader();
        }
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback.xml") != null
                || loader.getResource("logback-test.xml") != null;
    }
}
