package io.langop.tool.email.inbox;

import io.langop.kit.tool.ToolResult;
import io.langop.tool.email.EmailToolException;
import io.langop.tool.email.connection.MailConfigurationException;
import io.langop.tool.email.connection.MailSettings;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** list_emails and read_email: a mailbox as text a model can act on, and as data a workflow can. */
public final class InboxTools {

    private final MailSettings settings;
    private final Clock clock;

    public InboxTools(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The reference text and {@code {messages: [summaries]}}. */
    public ToolResult listEmails(String folder, boolean unreadOnly, String since, int limit) {
        InboxQuery query = InboxQuery.of(folder, unreadOnly, since, limit, clock);
        List<MessageSummary> messages;
        try {
            messages = mailbox().list(query);
        } catch (MessagingException e) {
            throw EmailToolException.because("Error reading mailbox", e);
        }
        String filters = Stream.of(
                        query.unreadOnly() ? Optional.of("unread only") : Optional.<String>empty(),
                        query.since().map(instant -> "since " + instant))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
        String scope = query.folder() + (filters.isEmpty() ? "" : " (" + filters + ")");
        Map<String, Object> data =
                Map.of("messages", messages.stream().map(MessageSummary::asData).toList());
        if (messages.isEmpty()) {
            return ToolResult.success("No emails in " + scope + ".", data);
        }
        StringBuilder text = new StringBuilder()
                .append(messages.size())
                .append(messages.size() == 1 ? " email in " : " emails in ")
                .append(scope)
                .append(", newest first:\n");
        for (MessageSummary message : messages) {
            text.append("\nID: ")
                    .append(message.id())
                    .append("\nFrom: ")
                    .append(message.from())
                    .append("\nSubject: ")
                    .append(message.subject())
                    .append("\nReceived: ")
                    .append(message.received())
                    .append("\nStatus: ")
                    .append(message.unread() ? "unread" : "read")
                    .append('\n');
        }
        return ToolResult.success(text.toString().stripTrailing(), data);
    }

    /** The reference text and the message's fields, the body cut as in the text. */
    public ToolResult readEmail(String id) {
        MessageId messageId = MessageId.parse("id", id);
        MessageContent message;
        try {
            message = mailbox().read(messageId);
        } catch (MessagingException e) {
            throw EmailToolException.because("Error reading email", e);
        }
        StringBuilder text = new StringBuilder()
                .append("ID: ")
                .append(message.id())
                .append("\nFrom: ")
                .append(message.from())
                .append("\nTo: ")
                .append(message.to());
        if (!message.cc().isEmpty()) {
            text.append("\nCc: ").append(message.cc());
        }
        text.append("\nSubject: ")
                .append(message.subject())
                .append("\nReceived: ")
                .append(message.received());
        if (!message.attachments().isEmpty()) {
            text.append("\nAttachments: ").append(String.join(", ", message.attachments()));
        }
        String body = message.body();
        String shown = message.shownBody();
        text.append("\n\n").append(body.isEmpty() ? "(no text content)" : shown);
        if (body.length() > MessageContent.MAX_BODY_CHARS) {
            text.append("\n\n[Truncated: ")
                    .append(body.length() - MessageContent.MAX_BODY_CHARS)
                    .append(" more characters not shown]");
        }
        return ToolResult.success(text.toString(), message.asData());
    }

    private ImapMailbox mailbox() {
        try {
            return new ImapMailbox(settings.imap());
        } catch (MailConfigurationException e) {
            throw EmailToolException.misconfigured(e);
        }
    }
}
