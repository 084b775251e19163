package io.langop.tool.email.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of a folder listing. */
public record MessageSummary(MessageId id, String from, String subject, Instant received, boolean unread) {

    /** As list_emails answers it in structured content: the ID and the time as strings. */
    Map<String, Object> asData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("from", from);
        data.put("subject", subject);
        data.put("received", received.toString());
        data.put("unread", unread);
        return data;
    }
}
