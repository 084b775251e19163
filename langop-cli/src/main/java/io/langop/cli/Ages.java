package io.langop.cli;

import io.langop.wire.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times of the API as ages, the way kubectl shows them. */
final class Ages {

    private Ages() {}

    /** The age of an RFC 3339 time ({@code 3m12s}), or empty when it is none. */
    static String since(String time, Instant now) {
        if (time == null || time.isEmpty()) {
            return "";
        }
        try {
            return HumanDuration.format(Duration.between(Instant.parse(time), now));
        } catch (DateTimeParseException notATime) {
            return "";
        }
    }

    /** {@code 3m12s ago}, or the time as written when it is not one. */
    static String ago(String time, Instant now) {
        String age = since(time, now);
        return age.isEmpty() ? time : age + " ago";
    }
}
