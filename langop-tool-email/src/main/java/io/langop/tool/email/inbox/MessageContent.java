package io.langop.tool.email.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message as read_email shows it: headers, readable body text and the names of its attachments. */
public record MessageContent(
        MessageId id,
        String from,
        String to,
        String cc,
        String subject,
        Instant received,
        String body,
        List<String> attachments) {

    /** Long enough for any human-written message, short enough not to flood the model's context. */
    public static final int MAX_BODY_CHARS = 20_000;

    /** The body as shown: its first {@value #MAX_BODY_CHARS} characters. */
    public String shownBody() {
        return body.substring(0, Math.min(body.length(), MAX_BODY_CHARS));
    }

    /** As read_email answers it in structured content, with {@code body} as shown (it may be cut). */
    public Map<String, Object> asData() {
        String shownBody = shownBody();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("from", from);
        data.put("to", to);
        data.put("cc", cc);
        data.put("subject", subject);
        data.put("received", received.toString());
        data.put("body", shownBody);
        data.put("attachments", attachments);
        return data;
    }
}
