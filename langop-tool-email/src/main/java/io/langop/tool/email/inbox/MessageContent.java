package io.langop.tool.email.inbox;

import java.time.Instant;
import java.util.List;

/** A message as read_email shows it: headers, readable body text and the names of its attachments. */
public record MessageContent(
        MessageId id,
        String from,
        String to,
        String cc,
        String subject,
        Instant received,
        String body,
        List<String> attachments) {}
