package io.langop.tool.email;

import io.langop.tool.email.connection.MailConfigurationException;
import io.langop.tool.email.connection.MailProtocol;
import io.langop.tool.email.connection.MailServer;
import io.langop.tool.email.connection.MailSettings;
import io.langop.tool.email.inbox.ImapMailbox;
import io.langop.tool.email.inbox.InboxQuery;
import io.langop.tool.email.inbox.MessageContent;
import io.langop.tool.email.inbox.MessageId;
import io.langop.tool.email.inbox.MessageSummary;
import io.langop.tool.email.send.OutgoingEmail;
import io.langop.tool.email.send.SmtpMailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each email tool does and answers, independent of the MCP plumbing. Success returns the text for the
 * model; failure throws {@link EmailToolException} whose message is that text. Every text leaving this class
 * has the configured passwords masked, whatever a mail server may have echoed.
 */
public final class EmailTools {

    static final int MAX_BODY_CHARS = 20_000;
    private static final String NOT_SET = "(not set)";

    private final MailSettings settings;
    private final Clock clock;

    public EmailTools(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public String sendEmail(String to, String subject, String body, String from, String cc, String bcc, boolean html) {
        MailServer server = configured(settings::smtp);
        String sender = Optional.ofNullable(from).filter(f -> !f.isBlank()).or(settings::defaultSender)
                .orElseThrow(() -> new EmailToolException(
                        "Error: No sender address specified. Set SMTP_FROM or provide 'from' parameter."));
        OutgoingEmail email = OutgoingEmail.of(sender, to, cc, bcc, subject, body, html);
        try {
            new SmtpMailer(server, clock).send(email);
        } catch (MessagingException e) {
            throw failure("Error sending email: " + describe(e));
        }
        return "Email sent successfully to "
                + email.to().stream().map(InternetAddress::toUnicodeString).collect(Collectors.joining(", "));
    }

    public String testSmtp() {
        MailServer server = configured(settings::smtp);
        List<String> lines = new ArrayList<>();
        try {
            new SmtpMailer(server, clock).verifyConnection();
            lines.addAll(List.of("SMTP Configuration Test: SUCCESS", "", "Host: " + server.host(),
                    "Port: " + server.port(), "User: " + Optional.ofNullable(server.user()).orElse(NOT_SET),
                    "From: " + settings.defaultSender().orElse(NOT_SET), "TLS: " + tlsSetting(MailProtocol.SMTP),
                    "Security: " + server.security().description(), "", "Connection to SMTP server successful!"));
        } catch (MessagingException e) {
            lines.addAll(List.of("SMTP Configuration Test: FAILED", "", "Host: " + server.host(),
                    "Port: " + server.port(), "User: " + Optional.ofNullable(server.user()).orElse(NOT_SET),
                    "Security: " + server.security().description(), "", "Error: " + describe(e)));
        }
        return hideSecrets(String.join("\n", lines));
    }

    public String emailConfig() {
        List<String> lines = new ArrayList<>(List.of("Email Configuration:", ""));
        lines.addAll(serverLines(MailProtocol.SMTP, settings::smtp,
                List.of("SMTP_FROM: " + settings.defaultSender().orElse(NOT_SET))));
        lines.add("");
        lines.addAll(serverLines(MailProtocol.IMAP, settings::imap, List.of()));
        lines.addAll(List.of("", "Note: Set these via environment variables when running the container."));
        return hideSecrets(String.join("\n", lines));
    }

    public String listEmails(String folder, boolean unreadOnly, String since, int limit) {
        InboxQuery query = InboxQuery.of(folder, unreadOnly, since, limit, clock);
        ImapMailbox mailbox = new ImapMailbox(configured(settings::imap));
        List<MessageSummary> messages;
        try {
            messages = mailbox.list(query);
        } catch (MessagingException e) {
            throw failure("Error reading mailbox: " + describe(e));
        }
        String filters = Stream.of(
                        query.unreadOnly() ? Optional.of("unread only") : Optional.<String>empty(),
                        query.since().map(instant -> "since " + instant))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
        String scope = query.folder() + (filters.isEmpty() ? "" : " (" + filters + ")");
        if (messages.isEmpty()) {
            return "No emails in " + scope + ".";
        }
        StringBuilder text = new StringBuilder()
                .append(messages.size()).append(messages.size() == 1 ? " email in " : " emails in ")
                .append(scope).append(", newest first:\n");
        for (MessageSummary message : messages) {
            text.append("\nID: ").append(message.id())
                    .append("\nFrom: ").append(message.from())
                    .append("\nSubject: ").append(message.subject())
                    .append("\nReceived: ").append(message.received())
                    .append("\nStatus: ").append(message.unread() ? "unread" : "read")
                    .append('\n');
        }
        return hideSecrets(text.toString().stripTrailing());
    }

    public String readEmail(String id) {
        MessageId messageId = MessageId.parse("id", id);
        ImapMailbox mailbox = new ImapMailbox(configured(settings::imap));
        MessageContent message;
        try {
            message = mailbox.read(messageId);
        } catch (MessagingException | IOException e) {
            throw failure("Error reading email: " + describe(e));
        }
        StringBuilder text = new StringBuilder()
                .append("ID: ").append(message.id())
                .append("\nFrom: ").append(message.from())
                .append("\nTo: ").append(message.to());
        if (!message.cc().isEmpty()) {
            text.append("\nCc: ").append(message.cc());
        }
        text.append("\nSubject: ").append(message.subject())
                .append("\nReceived: ").append(message.received());
        if (!message.attachments().isEmpty()) {
            text.append("\nAttachments: ").append(String.join(", ", message.attachments()));
        }
        String body = message.body();
        text.append("\n\n").append(body.isEmpty() ? "(no text content)" : body.substring(0, Math.min(body.length(), MAX_BODY_CHARS)));
        if (body.length() > MAX_BODY_CHARS) {
            text.append("\n\n[Truncated: ").append(body.length() - MAX_BODY_CHARS).append(" more characters not shown]");
        }
        return hideSecrets(text.toString());
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
                prefix + "TLS: " + tlsSetting(protocol),
                prefix + "PASSWORD: " + (settings.value(prefix + "PASSWORD").isPresent() ? "Yes (hidden)" : "No"),
                protocol.envPrefix() + " connection: " + status));
        return lines;
    }

    private String tlsSetting(MailProtocol protocol) {
        return settings.value(protocol.envPrefix() + "_TLS").orElse("true");
    }

    private MailServer configured(ServerLookup lookup) {
        try {
            return lookup.get();
        } catch (MailConfigurationException e) {
            throw failure("Error: " + e.getMessage());
        }
    }

    private EmailToolException failure(String message) {
        return new EmailToolException(hideSecrets(message));
    }

    /** Jakarta Mail wraps the useful cause (refused connection, certificate problem) several levels deep. */
    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message.strip())) {
                text.append(": ").append(message.strip());
            }
        }
        return text.toString();
    }

    private String hideSecrets(String text) {
        String hidden = text;
        for (String secret : settings.secrets()) {
            // Masking a one- or two-character password would shred ordinary words without protecting anything.
            if (secret.length() >= 3) {
                hidden = hidden.replace(secret, "(hidden)");
            }
        }
        return hidden;
    }

    @FunctionalInterface
    private interface ServerLookup {
        MailServer get() throws MailConfigurationException;
    }
}
