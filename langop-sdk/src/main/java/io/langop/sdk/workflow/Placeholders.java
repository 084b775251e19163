package io.langop.sdk.workflow;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {step}} and {@code {step.field.path}} placeholders in prompts, tool parameters and output paths,
 * plus the built-ins {@code {date}} (2026-11-26) and {@code {time}} (06-30-00, safe in file names).
 * Text that is not an identifier in braces (JSON such as {@code {"a": 1}}) is left alone.
 */
public final class Placeholders {

    public static final String DATE = "date";
    public static final String TIME = "time";
    /** The payload that started an event-driven run. */
    public static final String EVENT = "event";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)((?:\\.[A-Za-z0-9_-]+)*)}");
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH-mm-ss");

    /** A reference found in a template: {@code field} is empty for a whole-result reference. */
    public record Reference(String name, String field) {
        public boolean isBuiltIn() {
            return name.equals(EVENT) || (field.isEmpty() && (name.equals(DATE) || name.equals(TIME)));
        }

        @Override
        public String toString() {
            return "{" + name + (field.isEmpty() ? "" : "." + field) + "}";
        }
    }

    private Placeholders() {}

    public static List<Reference> references(String template) {
        return PLACEHOLDER
                .matcher(template)
                .results()
                .map(match -> new Reference(match.group(1), stripDot(match.group(2))))
                .toList();
    }

    /** Fills every placeholder; a reference to a missing result or field fails naming the placeholder. */
    public static String fill(String template, StepResults results, ZonedDateTime now) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            var reference = new Reference(matcher.group(1), stripDot(matcher.group(2)));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(valueOf(reference, results, now)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String valueOf(Reference reference, StepResults results, ZonedDateTime now) {
        if (reference.field().isEmpty() && reference.name().equals(DATE)) {
            return now.toLocalDate().toString();
        }
        if (reference.field().isEmpty() && reference.name().equals(TIME)) {
            return now.format(TIME_FORMAT);
        }
        if (!results.has(reference.name())) {
            throw new IllegalArgumentException(
                    "placeholder " + reference + " has no value: step '" + reference.name() + "' produced no result");
        }
        if (reference.field().isEmpty()) {
            return results.text(reference.name());
        }
        return results.field(reference.name(), reference.field())
                .map(StepResults::render)
                .orElseThrow(() -> new IllegalArgumentException("placeholder " + reference
                        + " has no value: the result of '" + reference.name() + "' has no field '"
                        + reference.field() + "'"));
    }

    private static String stripDot(String fieldGroup) {
        return fieldGroup.isEmpty() ? "" : fieldGroup.substring(1);
    }
}
