package io.langop.sdk.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * An event as it arrived, before a trigger's rule looked at it: what CEL expressions and filters see as
 * {@code event}, {@code headers} and {@code ce}.
 *
 * @param payload the body (a CloudEvent's {@code data}): JSON as JSON, anything else as a JSON string
 * @param headers the request's headers, names in lower case (the first value of a repeated header)
 * @param cloudEvent a CloudEvent's attributes ({@code id}, {@code source}, {@code type}, {@code subject}, ... and
 *     extensions) as strings; empty when the event is no CloudEvent
 */
public record IncomingEvent(JsonNode payload, Map<String, String> headers, Map<String, String> cloudEvent) {

    public IncomingEvent {
        Objects.requireNonNull(payload, "payload");
        headers = Map.copyOf(headers);
        cloudEvent = Map.copyOf(cloudEvent);
    }

    /** The variables of CEL expressions: {@code event}, {@code headers}, {@code ce}. */
    Map<String, Object> variables() {
        return Map.of(
                EventExpression.EVENT, CelValues.of(payload),
                EventExpression.HEADERS, headers,
                EventExpression.CLOUD_EVENT, cloudEvent);
    }
}
