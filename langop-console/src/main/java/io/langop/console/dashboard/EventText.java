package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The parts of a Kubernetes Event a person reads: when, how bad, why, about what, and what it says. */
record EventText(Instant time, boolean warning, String reason, String object, String message, int count) {

    static EventText of(Event event) {
        String object = event.getInvolvedObject() == null
                ? ""
                : event.getInvolvedObject().getKind() + "/"
                        + event.getInvolvedObject().getName();
        return new EventText(
                time(event).truncatedTo(ChronoUnit.SECONDS),
                "Warning".equals(event.getType()),
                nonNull(event.getReason()),
                object,
                nonNull(event.getMessage()),
                event.getCount() == null ? 1 : event.getCount());
    }

    /** The last time it happened: events written by older clients carry lastTimestamp, newer ones eventTime. */
    static Instant time(Event event) {
        for (String candidate : new String[] {
            event.getLastTimestamp(),
            event.getEventTime() == null ? null : event.getEventTime().getTime(),
            event.getFirstTimestamp(),
            event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp()
        }) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return Instant.parse(candidate);
                } catch (DateTimeParseException e) {
                    // the next field may be readable
                }
            }
        }
        return Instant.EPOCH;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
