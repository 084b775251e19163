package io.langop.tool.email;

import io.langop.kit.tool.ToolServer;
import io.langop.tool.email.connection.MailConfigurationException;
import io.langop.tool.email.connection.MailServer;
import io.langop.tool.email.connection.MailSettings;
import io.langop.tool.email.trigger.MailTriggerSettings;
import io.langop.tool.email.trigger.MailTriggerWatcher;
import io.langop.wire.MailTriggers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the email MCP server on {@code PORT}, configured from {@code SMTP_*} and {@code IMAP_*}. */
public final class EmailToolServer {

    private static final Logger log = LoggerFactory.getLogger(EmailToolServer.class);

    private EmailToolServer() {}

    public static void main(String[] args) throws InterruptedException {
        MailSettings settings = MailSettings.fromEnvironment();
        logConfiguration(settings);
        ToolServer server = ToolServer.serve("langop-tool-email", new EmailTools(settings, Clock.systemUTC()).all());
        // the triggers' deliveries are counted on the server's /metrics; a configuration they cannot use stops both
        try (server;
                MailTriggerWatcher triggers = mailTriggers(settings, server.meterRegistry())) {
            server.join();
        }
    }

    /**
     * The agents' mail triggers ({@link MailTriggers#ENV}): none when unset. A configuration the watch cannot use ends
     * the process, since the operator wrote it and the agents would wait for mail that never comes.
     */
    static MailTriggerWatcher mailTriggers(MailSettings settings, MeterRegistry meters) {
        try {
            MailTriggerSettings triggers = MailTriggerSettings.from(settings);
            if (triggers.subscribers().isEmpty()) {
                return MailTriggerWatcher.start(null, triggers, Clock.systemUTC(), settings::mask, meters);
            }
            MailTriggerWatcher watcher =
                    MailTriggerWatcher.start(settings.imap(), triggers, Clock.systemUTC(), settings::mask, meters);
            log.info("Mail triggers: {} agent trigger(s), cursors in {}", watcher.size(), triggers.stateDirectory());
            return watcher;
        } catch (MailConfigurationException e) {
            throw new IllegalStateException("mail triggers cannot be served: " + e.getMessage(), e);
        }
    }

    /** Misconfiguration is logged at start-up, not fatal: the tools explain it to the agent when called. */
    static void logConfiguration(MailSettings settings) {
        try {
            MailServer smtp = settings.smtp();
            log.info(
                    "SMTP {}:{} with {}, {}",
                    smtp.host(),
                    smtp.port(),
                    smtp.security().description(),
                    smtp.credentials().map(c -> "login " + c.user()).orElse("no login"));
        } catch (MailConfigurationException e) {
            log.warn("send_email and test_smtp unavailable: {}", e.getMessage());
        }
        try {
            MailServer imap = settings.imap();
            log.info(
                    "IMAP {}:{} with {}, login {}",
                    imap.host(),
                    imap.port(),
                    imap.security().description(),
                    imap.user());
        } catch (MailConfigurationException e) {
            log.info("list_emails and read_email unavailable: {}", e.getMessage());
        }
    }
}
