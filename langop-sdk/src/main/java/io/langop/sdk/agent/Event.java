package io.langop.sdk.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.UUID;

/**
 * What started a run, for runs an event starts: a webhook trigger today, other trigger sources later. The
 * payload is what the run sees: {@code {event}} and {@code {event.a.b}} in templates, {@code
 * results.event()} and {@code results.event("a.b")} in conditions and custom steps, and an "Event" section in
 * the prompt of an agent without a workflow.
 *
 * @param id the sender's delivery id when it gives one, else a new one; names the run's event in the logs (MDC {@code event}) and in the answer to whoever sent it
 * @param source where the event came from ({@value #WEBHOOK} for {@code POST /webhook}, {@code webhook/<name>} for
 *     a named trigger)
 * @param payload the event's content: a JSON body as JSON, any other body as a JSON string
 */
public record Event(String id, String source, JsonNode payload) {

    /** The source of events posted to the agent's {@code /webhook} endpoint. */
    public static final String WEBHOOK = "webhook";

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    /** An event just received from {@code source}, with a new id. */
    public static Event received(String source, JsonNode payload) {
        return new Event(UUID.randomUUID().toString(), source, payload);
    }
}
