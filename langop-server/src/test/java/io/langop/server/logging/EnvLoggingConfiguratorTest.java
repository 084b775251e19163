package io.langop.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.langop.server.redaction.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EnvLoggingConfiguratorTest {

    @Test
    void textLinesCarryTheMdcOfTheRun() {
        String out = logOnce(Map.of());
        assertThat(out)
                .contains(" INFO ")
                .contains("agent=news")
                .contains("run=r-1")
                .contains("- fetched 3 pages");
    }

    @Test
    void jsonFormatWritesOneJsonObjectPerLineWithTheMdc() {
        String out = logOnce(Map.of("LOG_FORMAT", "JSON"));
        assertThat(out.lines().filter(line -> line.contains("fetched 3 pages")).findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("{")
                        .endsWith("}")
                        .contains("\"level\":\"INFO\"")
                        .contains("\"agent\":\"news\"")
                        .contains("\"message\":\"fetched 3 pages\""));
    }

    @Test
    void neitherFormatShowsARegisteredSecretInMessagesArgumentsOrStackTraces() {
        String secret = "sk-upstream-0123456789abcdef";
        Object holder = new Object();
        LogRedaction.protect(holder, Redactor.of(List.of(secret)));
        try {
            for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("LOG_FORMAT", "json"))) {
                String out = log(
                        env,
                        logger -> logger.warn(
                                "upstream said: key " + secret + " is wrong ({})",
                                secret,
                                new IllegalStateException("echoed " + secret)));

                assertThat(out)
                        .contains("upstream said: key [REDACTED] is wrong")
                        .doesNotContain(secret);
                assertThat(out).contains("echoed [REDACTED]");
            }
        } finally {
            LogRedaction.release(holder);
        }
        assertThat(log(Map.of(), logger -> logger.info("released: " + secret))).contains(secret);
    }

    @Test
    void levelComesFromLogLevelAndFallsBackToInfo() {
        assertThat(new EnvLoggingConfigurator(Map.of("LOG_LEVEL", "debug")).level())
                .isEqualTo(Level.DEBUG);
        assertThat(new EnvLoggingConfigurator(Map.of("LOG_LEVEL", "chatty")).level())
                .isEqualTo(Level.INFO);
        assertThat(logOnce(Map.of("LOG_LEVEL", "warn"))).doesNotContain("fetched 3 pages");
    }

    private static String logOnce(Map<String, String> env) {
        return log(env, logger -> logger.info("fetched 3 pages"));
    }

    private static String log(Map<String, String> env, Consumer<Logger> logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            EnvLoggingConfigurator configurator = new EnvLoggingConfigurator(env);
            configurator.setContext(context);
            configurator.configure(context);
            Logger logger = context.getLogger("io.langop.test");
            mdc.put("agent", "news");
            mdc.put("run", "r-1");
            logging.accept(logger);
        } finally {
            mdc.clear();
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
