package io.langop.operator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Something the operator forwards to one of an agent's triggers as a CloudEvent: a change of a watched object or a time
 * of a schedule. Waiting ones with the same {@link #key} are merged, so that an agent that is away gets the latest
 * state of each object once, not every step in between.
 */
sealed interface Forwarded permits ObjectChange, ScheduledTime {

    /** The trigger's name: the endpoint {@code /webhook/<name>} and the key of its secret. */
    String trigger();

    /** What waiting events are merged by. */
    String key();

    /** This event and a newer one of the same key as one. */
    Forwarded merge(Forwarded newer);

    /** The CloudEvent's {@code id}: with its {@link #source} unique, so that the agent runs a redelivery once. */
    String id();

    /** The CloudEvent's {@code source}. */
    String source(String namespace, String agent);

    /** The CloudEvent's {@code type}. */
    String type();

    /** The CloudEvent's {@code subject}. */
    String subject();

    /** The CloudEvent's {@code time}. */
    Instant time();

    /** Notes in the state that the agent accepted this event. */
    void delivered(DeliveredState state);

    /** The CloudEvent's {@code data}: what the trigger's condition and mapping see as {@code event}. */
    JsonNode data(boolean complete);
}
