package io.langop.tool.email.inbox;

import io.langop.tool.email.InvalidParameterException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** What list_emails asks for. */
public record InboxQuery(String folder, boolean unreadOnly, Optional<Instant> since, int limit) {

    public static final int MAX_LIMIT = 200;

    public static InboxQuery of(String folder, boolean unreadOnly, String since, int limit, Clock clock) {
        if (folder == null || folder.isBlank()) {
            throw new InvalidParameterException("folder", "a folder name is required, e.g. INBOX");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be from 1 to " + MAX_LIMIT + " (got " + limit + ")");
        }
        Optional<Instant> from =
                since == null || since.isBlank() ? Optional.empty() : Optional.of(Since.parse("since", since, clock));
        return new InboxQuery(folder.strip(), unreadOnly, from, limit);
    }
}
