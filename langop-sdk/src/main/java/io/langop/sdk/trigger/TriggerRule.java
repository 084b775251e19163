package io.langop.sdk.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an event starts a run, and what the run sees of it: every {@code filter} entry must match, then the CEL
 * {@code condition} must be true; the {@code mapping} (CEL expressions per field) makes the run's event, else the
 * payload is the run's event as it was sent.
 */
public final class TriggerRule {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerRule.class);

    /** A rule that starts a run for every event, with its payload. */
    public static final TriggerRule EVERY_EVENT = new TriggerRule(List.of(), Optional.empty(), Map.of());

    private final List<FilterEntry> filter;
    private final Optional<EventExpression> condition;
    private final Map<String, EventExpression> mapping;

    private TriggerRule(
            List<FilterEntry> filter, Optional<EventExpression> condition, Map<String, EventExpression> mapping) {
        this.filter = filter;
        this.condition = condition;
        this.mapping = mapping;
    }

    /** What the rule decided for one event. */
    public sealed interface Decision {
        /** The event starts a run that sees {@code event}. */
        record Start(JsonNode event) implements Decision {}

        /** The event starts nothing; {@code reason} says which part of the rule held it back (never its values). */
        record Skip(String reason) implements Decision {}
    }

    /**
     * @param filter dotted paths (rooted at {@code event}, {@code headers} or {@code ce}) and the text each must equal
     * @param condition a CEL expression that must be true; null or blank: none
     * @param mapping the run's event, one CEL expression per field; empty: the payload
     * @throws InvalidTriggerException naming every part that cannot be used and why
     */
    public static TriggerRule of(Map<String, String> filter, String condition, Map<String, String> mapping)
            throws InvalidTriggerException {
        List<String> problems = new ArrayList<>();
        List<FilterEntry> entries = new ArrayList<>();
        Objects.requireNonNullElse(filter, Map.<String, String>of()).forEach((path, expected) -> {
            try {
                entries.add(FilterEntry.of(path, expected));
            } catch (InvalidTriggerException invalid) {
                problems.add(invalid.getMessage());
            }
        });
        Optional<EventExpression> compiledCondition = Optional.empty();
        if (condition != null && !condition.isBlank()) {
            try {
                EventExpression expression = EventExpression.compile(condition);
                if (!expression.mayBeBoolean()) {
                    problems.add("condition: gives " + expression.resultType() + ", not true or false");
                }
                compiledCondition = Optional.of(expression);
            } catch (InvalidTriggerException invalid) {
                problems.add("condition: " + invalid.getMessage());
            }
        }
        Map<String, EventExpression> compiledMapping = new LinkedHashMap<>();
        Objects.requireNonNullElse(mapping, Map.<String, String>of()).forEach((field, expression) -> {
            try {
                compiledMapping.put(field, EventExpression.compile(expression));
            } catch (InvalidTriggerException invalid) {
                problems.add("mapping." + field + ": " + invalid.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidTriggerException(String.join("; ", problems));
        }
        return new TriggerRule(List.copyOf(entries), compiledCondition, Collections.unmodifiableMap(compiledMapping));
    }

    /** What cannot be used in these parts of a trigger: empty when {@link #of} accepts them. */
    public static Optional<String> problem(Map<String, String> filter, String condition, Map<String, String> mapping) {
        try {
            of(filter, condition, mapping);
            return Optional.empty();
        } catch (InvalidTriggerException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    public Decision decide(IncomingEvent event) {
        for (FilterEntry entry : filter) {
            if (!entry.matches(event)) {
                return new Decision.Skip("filter " + entry.path() + " does not match");
            }
        }
        if (condition.isPresent()) {
            try {
                Object result = condition.get().evaluate(event);
                if (!Boolean.TRUE.equals(result)) {
                    return new Decision.Skip(
                            result instanceof Boolean ? "condition is false" : "condition is not true or false");
                }
            } catch (CelEvaluationException unanswerable) {
                // an event without a field the condition reads: not this trigger's event (has() says it explicitly)
                return new Decision.Skip("condition cannot be evaluated: " + unanswerable.getMessage());
            }
        }
        return new Decision.Start(mapping.isEmpty() ? event.payload() : mapped(event));
    }

    private ObjectNode mapped(IncomingEvent event) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        // in the order the spec gives the fields
        mapping.entrySet().forEach(field -> {
            try {
                result.set(field.getKey(), CelValues.json(field.getValue().evaluate(event)));
            } catch (CelEvaluationException unanswerable) {
                LOG.warn("Mapping of field {} left empty: {}", field.getKey(), unanswerable.getMessage());
                result.putNull(field.getKey());
            }
        });
        return result;
    }

    /** One filter entry: the value at a dotted path, as text, must equal {@code expected}. */
    private record FilterEntry(String path, String root, List<String> rest, String expected) {

        static FilterEntry of(String path, String expected) throws InvalidTriggerException {
            List<String> segments = List.of(path.split("\\.", -1));
            String root = segments.getFirst();
            if (segments.size() < 2
                    || segments.stream().anyMatch(String::isEmpty)
                    || !List.of(EventExpression.EVENT, EventExpression.HEADERS, EventExpression.CLOUD_EVENT)
                            .contains(root)) {
                throw new InvalidTriggerException("filter '" + path + "': a key is a dotted path that starts with"
                        + " event., headers. or ce. (event.action, headers.x-github-event, ce.type)");
            }
            if (!root.equals(EventExpression.EVENT) && segments.size() != 2) {
                throw new InvalidTriggerException(
                        "filter '" + path + "': " + root + " has one level (" + root + ".<name>)");
            }
            return new FilterEntry(
                    path, root, segments.subList(1, segments.size()), Objects.requireNonNullElse(expected, ""));
        }

        boolean matches(IncomingEvent event) {
            Optional<String> actual = switch (root) {
                case EventExpression.HEADERS ->
                    Optional.ofNullable(event.headers().get(rest.getFirst().toLowerCase(java.util.Locale.ROOT)));
                case EventExpression.CLOUD_EVENT ->
                    Optional.ofNullable(event.cloudEvent().get(rest.getFirst()));
                default -> {
                    JsonNode node = event.payload();
                    for (String segment : rest) {
                        node = node.path(segment);
                    }
                    yield node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
                }
            };
            return actual.filter(expected::equals).isPresent();
        }
    }
}
