package io.langop.tool.email;

import io.langop.kit.tool.Param;
import io.langop.kit.tool.Shape;
import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolResult;
import io.langop.kit.tool.Validator;
import io.langop.tool.email.connection.ConfigurationReport;
import io.langop.tool.email.connection.MailSettings;
import io.langop.tool.email.inbox.InboxQuery;
import io.langop.tool.email.inbox.InboxTools;
import io.langop.tool.email.send.OutboxTools;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email tools as the MCP server publishes them. Every answer, success or error, text and data, leaves
 * through {@link #answer}, which masks the configured passwords: whatever a mail server echoes, no password
 * reaches the model, a workflow or the log.
 */
public final class EmailTools {

    private static final Logger log = LoggerFactory.getLogger(EmailTools.class);

    private static final Shape.ObjectShape SENT = Shape.object()
            .field("messageId", Shape.string("The Message-ID header of the message sent"))
            .field(
                    "accepted",
                    Shape.listOf(Shape.string(null)),
                    "Every address the SMTP server accepted the message for: to, cc and bcc");
    private static final Shape.ObjectShape SUMMARY = Shape.object()
            .field("id", Shape.string("The ID to pass to read_email"))
            .field("from", Shape.string("Sender address(es)"))
            .field("subject", Shape.string("Subject; empty when there is none"))
            .field("received", Shape.string("When it arrived, ISO-8601 in UTC, e.g. 2026-11-26T08:30:00Z"))
            .field("unread", Shape.bool("Whether it has not been read yet"));
    private static final Shape.ObjectShape LISTED = Shape.object()
            .field("messages", Shape.listOf(SUMMARY), "Newest first, at most limit; empty when none matched");
    private static final Shape.ObjectShape MESSAGE = Shape.object()
            .field("id", Shape.string("The message's ID"))
            .field("from", Shape.string("Sender address(es)"))
            .field("to", Shape.string("To addresses, comma-separated"))
            .field("cc", Shape.string("Cc addresses, comma-separated; empty when none"))
            .field("subject", Shape.string("Subject; empty when there is none"))
            .field("received", Shape.string("When it arrived, ISO-8601 in UTC"))
            .field(
                    "body",
                    Shape.string("The readable text (HTML turned into text), at most 20000 characters; "
                            + "empty when the message has none"))
            .field("attachments", Shape.listOf(Shape.string(null)), "File names (or types) of the attachments");

    private final MailSettings settings;
    private final OutboxTools outbox;
    private final InboxTools inbox;
    private final ConfigurationReport configuration;

    public EmailTools(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.outbox = new OutboxTools(settings, clock);
        this.inbox = new InboxTools(settings, clock);
        this.configuration = new ConfigurationReport(settings);
    }

    public List<Tool> all() {
        return List.of(
                Tool.builder("send_email")
                        .description("Send an email via SMTP")
                        .param(Param.string("to")
                                .required()
                                .description("Recipient email address (comma-separated for multiple recipients)"))
                        .param(Param.string("subject").required().description("Email subject line"))
                        .param(Param.string("body").required().description("Email body content (plain text or HTML)"))
                        .param(Param.string("from")
                                .description("Sender email address (defaults to SMTP_FROM env variable)"))
                        .param(Param.string("cc").description("CC email addresses (comma-separated)"))
                        .param(Param.string("bcc").description("BCC email addresses (comma-separated)"))
                        .param(Param.bool("html")
                                .defaultValue(false)
                                .description("Send as HTML email (default: false)"))
                        .output(SENT)
                        .handler(args -> answer(() -> outbox.sendEmail(
                                args.string("to"),
                                args.string("subject"),
                                args.string("body"),
                                args.optionalString("from").orElse(null),
                                args.optionalString("cc").orElse(null),
                                args.optionalString("bcc").orElse(null),
                                args.bool("html"))))
                        .build(),
                Tool.builder("test_smtp")
                        .description("Test SMTP connection and configuration")
                        .readOnly()
                        .handler(args -> answer(() -> ToolResult.success(outbox.testSmtp())))
                        .build(),
                Tool.builder("email_config")
                        .description("Display current email configuration (without sensitive data)")
                        .readOnly()
                        .handler(args -> answer(() -> ToolResult.success(configuration.text())))
                        .build(),
                Tool.builder("list_emails")
                        .description(
                                "List emails in a mailbox folder over IMAP, newest first, with the ID to read each one")
                        .param(Param.string("folder")
                                .defaultValue("INBOX")
                                .description("Mailbox folder (default: INBOX)"))
                        .param(Param.bool("unread_only")
                                .defaultValue(false)
                                .description("Only emails not read yet (default: false)"))
                        .param(
                                Param.string("since")
                                        .description(
                                                "Only emails received at or after this: a date "
                                                        + "(2026-11-20), a date-time (2026-11-20T08:00:00Z) or a period back from now (PT12H, P1D)"))
                        .param(Param.integer("limit")
                                .defaultValue(20)
                                .validate(Validator.range(1, InboxQuery.MAX_LIMIT))
                                .description("Maximum number of emails to list (default: 20)"))
                        .output(LISTED)
                        .readOnly() // it opens the folder read-only; read_email marks the message as read
                        .handler(args -> answer(() -> inbox.listEmails(
                                args.string("folder"),
                                args.bool("unread_only"),
                                args.optionalString("since").orElse(null),
                                Math.toIntExact(args.integer("limit")))))
                        .build(),
                Tool.builder("read_email")
                        .description("Read one email (headers, text and attachment names) by the ID list_emails shows; "
                                + "marks it as read")
                        .param(Param.string("id")
                                .required()
                                .description("Email ID from list_emails, like INBOX:1700000000:42"))
                        .output(MESSAGE)
                        .handler(args -> answer(() -> inbox.readEmail(args.string("id"))))
                        .build());
    }

    private ToolResult answer(Supplier<ToolResult> call) {
        try {
            ToolResult result = call.get();
            String text = settings.mask(result.text());
            return result.structured()
                    .map(data -> ToolResult.success(text, masked(data)))
                    .orElseGet(() -> ToolResult.success(text));
        } catch (InvalidParameterException e) {
            String message = settings.mask(e.getMessage());
            log.info("refused call: {}", message);
            return ToolResult.failure(message);
        } catch (EmailToolException e) {
            String message = settings.mask(e.getMessage());
            log.warn("{}", message);
            return ToolResult.failure(message);
        }
    }

    /** The data with every string masked, however deep: the tools build it from maps, lists and strings. */
    private Object masked(Object data) {
        return switch (data) {
            case String text -> settings.mask(text);
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((key, value) -> copy.put(key, masked(value)));
                yield copy;
            }
            case List<?> list -> list.stream().map(this::masked).toList();
            default -> data;
        };
    }
}
