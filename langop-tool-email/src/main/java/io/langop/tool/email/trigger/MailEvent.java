package io.langop.tool.email.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.tool.email.inbox.MessageContent;
import io.langop.wire.MailTriggers;

/**
 * A new message as a structured CloudEvent 1.0: {@code id} the message's id as {@code list_emails} shows it
 * ({@code <folder>:<uidvalidity>:<uid>}, assigned by the server, so a message delivered again carries the same id and
 * the agent runs it once), {@code source} the mailbox's server, {@code type} {@link MailTriggers#EVENT_TYPE}, and as
 * {@code data} what {@code read_email} answers: from, to, cc, subject, received, the text body (at most
 * {@value MessageContent#MAX_BODY_CHARS} characters) and the attachments' names (never their content).
 */
record MailEvent(String id, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param server {@code imap://<host>:<port>}
     * @param messageId the {@code Message-ID} header, when the message has one
     */
    static MailEvent of(String server, MessageContent message, String messageId) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", message.id().toString())
                .put("source", server)
                .put("type", MailTriggers.EVENT_TYPE)
                .put("subject", message.id().folder())
                .put("time", message.received().toString())
                .put("datacontenttype", "application/json");
        ObjectNode data = JSON.valueToTree(message.asData());
        if (messageId != null) {
            data.put("messageId", messageId);
        }
        event.set("data", data);
        return new MailEvent(message.id().toString(), event.toString());
    }
}
