package io.langop.tool.email.inbox;

import java.time.Instant;

/** One line of a folder listing. */
public record MessageSummary(MessageId id, String from, String subject, Instant received, boolean unread) {}
