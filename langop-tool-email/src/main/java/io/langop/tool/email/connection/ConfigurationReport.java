package io.langop.tool.email.connection;

import java.util.ArrayList;
import java.util.List;

/** email_config: every setting as the operator wrote it, whether each protocol is usable, never a password. */
public final class ConfigurationReport {

    private static final String NOT_SET = "(not set)";

    private final MailSettings settings;

    public ConfigurationReport(MailSettings settings) {
        this.settings = settings;
    }

    public String text() {
        List<String> lines = new ArrayList<>(List.of("Email Configuration:", ""));
        lines.addAll(serverLines(
                MailProtocol.SMTP,
                settings::smtp,
                List.of(
                        "SMTP_FROM: " + settings.defaultSender().orElse(NOT_SET),
                        "SMTP_ALLOWED_SENDERS: "
                                + settings.value("SMTP_ALLOWED_SENDERS").orElse("(SMTP_FROM only)"),
                        "SMTP_ALLOWED_RECIPIENTS: "
                                + settings.value("SMTP_ALLOWED_RECIPIENTS").orElse("(anyone)"),
                        MailSettings.MAX_RECIPIENTS + ": "
                                + settings.value(MailSettings.MAX_RECIPIENTS)
                                        .orElse(MailSettings.DEFAULT_MAX_RECIPIENTS + " (default)"))));
        lines.add("");
        lines.addAll(serverLines(MailProtocol.IMAP, settings::imap, List.of()));
        lines.addAll(List.of("", "Note: Set these via environment variables when running the container."));
        return String.join("\n", lines);
    }

    private List<String> serverLines(MailProtocol protocol, ServerLookup lookup, List<String> afterUser) {
        String prefix = protocol.envPrefix() + "_";
        String status;
        String port;
        try {
            MailServer server = lookup.get();
            status = server.security().description();
            port = Integer.toString(server.port());
        } catch (MailConfigurationException e) {
            status = "not usable: " + e.getMessage();
            port = settings.value(prefix + "PORT").orElse("(default)");
        }
        List<String> lines = new ArrayList<>(List.of(
                prefix + "HOST: " + settings.value(prefix + "HOST").orElse(NOT_SET),
                prefix + "PORT: " + port,
                prefix + "USER: " + settings.value(prefix + "USER").orElse(NOT_SET)));
        lines.addAll(afterUser);
        lines.addAll(List.of(
                prefix + "TLS: " + settings.value(prefix + "TLS").orElse("true"),
                prefix + "PASSWORD: " + (settings.value(prefix + "PASSWORD").isPresent() ? "Yes (hidden)" : "No"),
                protocol.envPrefix() + " connection: " + status));
        return lines;
    }

    @FunctionalInterface
    private interface ServerLookup {
        MailServer get() throws MailConfigurationException;
    }
}
