package io.langop.tool.email;

import io.langop.sdk.tool.Param;
import io.langop.sdk.tool.Tool;
import io.langop.sdk.tool.ToolResult;
import io.langop.sdk.tool.Validator;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email tools: {@link #all()} declares them for the MCP server, the public methods do the work. Success
 * returns the text for the model; failure throws {@link EmailToolException} whose message is that text, sent
 * as an MCP error result. Every text leaving this class has the configured passwords masked, whatever a mail
 * server may have echoed.
 */
public final class EmailTools {

    private static final Logger log = LoggerFactory.getLogger(EmailTools.class);

    static final int MAX_BODY_CHARS = 20_000;
    private static final String NOT_SET = "(not set)";

    private final MailSettings settings;
    private final Clock clock;

    public EmailTools(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public List<Tool> all() {
        return List.of(
                Tool.builder("send_email")
                        .description("Send an email via SMTP")
                        .param(Param.string("to").required()
                                .description("Recipient email address (comma-separated for multiple recipients)"))
                        .param(Param.string("subject").required().description("Email subject line"))
                        .param(Param.string("body").required().description("Email body content (plain text or HTML)"))
                        .param(Param.string("from")
                                .description("Sender email address (defaults to SMTP_FROM env variable)"))
                        .param(Param.string("cc").description("CC email addresses (comma-separated)"))
                        .param(Param.string("bcc").description("BCC email addresses (comma-separated)"))
                        .param(Param.bool("html").defaultValue(false).description("Send as HTML email (default: false)"))
                        .handler(args -> answer(() -> sendEmail(args.string("to"), args.string("subject"),
                                args.string("body"), args.optionalString("from").orElse(null),
                                args.optionalString("cc").orElse(null), args.optionalString("bcc").orElse(null),
                                args.bool("html"))))
                        .build(),
                Tool.builder("test_smtp")
                        .description("Test SMTP connection and configuration")
                        .handler(args -> answer(this::testSmtp))
                        .build(),
                Tool.builder("email_config")
                        .description("Display current email configuration (without sensitive data)")
                        .handler(args -> answer(this::emailConfig))
                        .build(),
                Tool.builder("list_emails")
                        .description("List emails in a mailbox folder over IMAP, newest first, with the ID to read each one")
                        .param(Param.string("folder").defaultValue("INBOX").description("Mailbox folder (default: INBOX)"))
                        .param(Param.bool("unread_only").defaultValue(false)
                                .description("Only emails not read yet (default: false)"))
                        .param(Param.string("since").description("Only emails received at or after this: a date "
                                + "(2026-11-20), a date-time (2026-11-20T08:00:00Z) or a period back from now (PT12H, P1D)"))
                        .param(Param.integer("limit").defaultValue(20)
                                .validate(Validator.range(1, InboxQuery.MAX_LIMIT))
                                .description("Maximum number of emails to list (default: 20)"))
                        .handler(args -> answer(() -> listEmails(args.string("folder"), args.bool("unread_only"),
                                args.optionalString("since").orElse(null), Math.toIntExact(args.integer("limit")))))
                        .build(),
                Tool.builder("read_email")
                        .description("Read one email (headers, text and attachment names) by the ID list_emails shows; "
                                + "marks it as read")
                        .param(Param.string("id").required().description("Email ID from list_emails, like INBOX:1700000000:42"))
                        .handler(args -> answer(() -> readEmail(args.string("id"))))
                        .build());
    }

    private static ToolResult answer(Supplier<String> call) {
        try {
            return ToolResult.success(call.get());
        } catch (InvalidParameterException e) {
            log.info("refused call: {}", e.getMessage());
            return ToolResult.failure(e.getMessage());
        } catch (EmailToolException e) {
            // Already masked; operators see the same failure the agent does.
            log.warn("{}", e.getMessage());
            return ToolResult.failure(e.getMessage());
        }
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
