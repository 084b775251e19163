package io.langop.tool.email.inbox;

import io.langop.tool.email.InvalidParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code since} argument: a date, a date-time or a look-back period such as {@code P1D} or {@code PT12H}. */
final class Since {

    private Since() {}

    static Instant parse(String parameter, String value, Clock clock) {
        String text = value.strip();
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return clock.instant().minus(Duration.parse(text));
            }
            if (text.contains("T") || text.contains("t")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    parameter,
                    "'" + text + "' is not a date (2026-11-20), "
                            + "a date-time (2026-11-20T08:00:00Z) or a period (PT12H, P1D)");
        }
    }
}
