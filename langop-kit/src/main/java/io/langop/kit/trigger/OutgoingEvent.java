package io.langop.kit.trigger;

import java.util.Objects;

/**
 * A structured CloudEvent ({@code application/cloudevents+json}) as it is posted, with what logs name it by.
 *
 * @param id the CloudEvent's {@code id}: the agent runs a repeated one once
 * @param type the CloudEvent's {@code type}
 * @param json the whole CloudEvent, at most {@link io.langop.wire.AgentTriggers#MAX_BODY_BYTES} in UTF-8
 */
public record OutgoingEvent(String id, String type, String json) {

    public OutgoingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
