package io.langop.agent.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.langop.sdk.workflow.StepResults;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CloudEvents 1.0 over HTTP (the HTTP protocol binding), in its two single-event modes:
 *
 * <ul>
 *   <li>binary: the attributes in {@code ce-<name>} headers (percent-encoded values), {@code datacontenttype} in
 *       {@code Content-Type}, the body is {@code data};
 *   <li>structured: {@code Content-Type: application/cloudevents+json}, the body is the event in the JSON format
 *       (attributes as members, {@code data} or {@code data_base64}).
 * </ul>
 *
 * Batched mode ({@code application/cloudevents-batch+json}) is refused: one request is one delivery here.
 */
final class CloudEvents {

    static final String STRUCTURED_TYPE = "application/cloudevents+json";
    static final String BATCH_TYPE = "application/cloudevents-batch+json";
    private static final String HEADER_PREFIX = "ce-";
    private static final String SPEC_VERSION = "specversion";
    private static final List<String> REQUIRED = List.of("id", "source", "type");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A CloudEvent: its attributes (extensions included, as strings) and its data as the run's payload. */
    record CloudEvent(Map<String, String> attributes, JsonNode data) {
        String id() {
            return attributes.get("id");
        }

        /** Unique per event, as the specification defines: source and id together. */
        String deliveryId() {
            return attributes.get("source") + " " + attributes.get("id");
        }
    }

    private CloudEvents() {}

    /**
     * The CloudEvent the request carries, or empty when it carries none (neither mode's markers).
     *
     * @param headers the request's headers, names in lower case
     * @throws MalformedEventException when it is a CloudEvent that breaks the specification, or a batch
     */
    static Optional<CloudEvent> read(Map<String, String> headers, byte[] body) throws MalformedEventException {
        String contentType = headers.getOrDefault("content-type", "");
        String mediaType = mediaType(contentType);
        if (mediaType.equals(BATCH_TYPE)) {
            throw new MalformedEventException("batched CloudEvents are not accepted: send one event per request");
        }
        if (mediaType.equals(STRUCTURED_TYPE)) {
            return Optional.of(structured(body));
        }
        if (headers.containsKey(HEADER_PREFIX + SPEC_VERSION)) {
            return Optional.of(binary(headers, contentType, body));
        }
        return Optional.empty();
    }

    private static CloudEvent binary(Map<String, String> headers, String contentType, byte[] body)
            throws MalformedEventException {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (var header : headers.entrySet()) {
            if (header.getKey().startsWith(HEADER_PREFIX)) {
                // the binding percent-encodes space, '"', '%' and everything beyond printable ASCII
                attributes.put(
                        header.getKey().substring(HEADER_PREFIX.length()),
                        URLDecoder.decode(header.getValue().replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        if (!contentType.isBlank()) {
            attributes.put("datacontenttype", contentType);
        }
        checkRequired(attributes);
        return new CloudEvent(attributes, data(body, contentType));
    }

    private static CloudEvent structured(byte[] body) throws MalformedEventException {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException notJson) {
            throw new MalformedEventException("a structured CloudEvent must be a JSON object");
        }
        if (event == null || !event.isObject()) {
            throw new MalformedEventException("a structured CloudEvent must be a JSON object");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (var member : event.properties()) {
            if (!member.getKey().equals("data") && !member.getKey().equals("data_base64")) {
                if (!member.getValue().isValueNode()) {
                    throw new MalformedEventException(
                            "CloudEvent attribute " + member.getKey() + " must be a string, number or boolean");
                }
                attributes.put(member.getKey(), member.getValue().asText());
            }
        }
        checkRequired(attributes);
        String contentType = attributes.getOrDefault("datacontenttype", "application/json");
        JsonNode data;
        if (event.has("data_base64")) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(event.get("data_base64").asText());
            } catch (IllegalArgumentException notBase64) {
                throw new MalformedEventException("CloudEvent data_base64 is not base64");
            }
            data = data(bytes, contentType);
        } else {
            JsonNode member = event.get("data");
            // JSON data is the member itself; other data (text/plain...) is a string member
            data = member == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : member;
        }
        return new CloudEvent(attributes, data);
    }

    private static void checkRequired(Map<String, String> attributes) throws MalformedEventException {
        if (!"1.0".equals(attributes.get(SPEC_VERSION))) {
            throw new MalformedEventException(
                    "CloudEvent specversion must be 1.0, not " + attributes.getOrDefault(SPEC_VERSION, "missing"));
        }
        for (String name : REQUIRED) {
            String value = attributes.get(name);
            if (value == null || value.isEmpty()) {
                throw new MalformedEventException("CloudEvent attribute " + name + " is required");
            }
        }
    }

    /** JSON data (a JSON media type) as JSON, any other as text. */
    private static JsonNode data(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = mediaType(contentType);
        if (type.isEmpty() || type.equals("application/json") || type.endsWith("+json")) {
            return StepResults.parseOrText(text);
        }
        return TextNode.valueOf(text);
    }

    /** The media type without parameters, in lower case: {@code application/json; charset=utf-8} → {@code application/json}. */
    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
