package io.langop.wire;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schedule dialect of a Kubernetes CronJob, checked the way the API server checks it: the
 * robfig/cron v3 standard parser it calls (five fields of values, names, ranges, lists and steps; {@code
 * ?} as a synonym of {@code *}; day of week 0-6, so 7 is not Sunday; the {@code @daily}-style
 * descriptors and {@code @every <duration>}) and its rule that a schedule names no time zone. An agent
 * author's schedule and a LanguageAgent's {@code spec.schedule} both become a CronJob's; checking them
 * here turns a schedule the API server would refuse into a message where it was written.
 */
public final class CronJobSchedules {

    private record Field(String name, int min, int max, List<String> names) {}

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field(
                    "month",
                    1,
                    12,
                    List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            new Field("day of week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    // The parser matches descriptors byte for byte: "@Daily" and "@daily " are refused.
    private static final List<String> DESCRIPTORS =
            List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final String EVERY = "@every ";
    // Go's time.ParseDuration: a signed sequence of decimal numbers with units, or a bare 0
    private static final Pattern GO_DURATION =
            Pattern.compile("[-+]?(0|((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private CronJobSchedules() {}

    /** What the API server would refuse in {@code schedule}; empty when a CronJob can run on it. */
    public static Optional<String> problem(String schedule) {
        if (schedule == null || schedule.isEmpty()) {
            return Optional.of("the schedule is empty");
        }
        if (schedule.contains("TZ")) {
            return Optional.of("time zones go in the CronJob's timeZone, not in the schedule");
        }
        if (schedule.startsWith("@")) {
            return descriptorProblem(schedule);
        }
        String stripped = schedule.strip();
        String[] parts = stripped.isEmpty() ? new String[0] : WHITESPACE.split(stripped);
        if (parts.length != FIELDS.size()) {
            return Optional.of("expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            Field field = FIELDS.get(i);
            // empty list items are skipped, as the parser skips them
            for (String item : parts[i].split(",", -1)) {
                if (!item.isEmpty()) {
                    Optional<String> problem = itemProblem(field, item);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> descriptorProblem(String schedule) {
        if (DESCRIPTORS.contains(schedule)) {
            return Optional.empty();
        }
        if (schedule.startsWith(EVERY)) {
            String duration = schedule.substring(EVERY.length());
            return GO_DURATION.matcher(duration).matches()
                    ? Optional.empty()
                    : Optional.of("@every needs a duration such as 90m or 1h30m, not '" + duration + "'");
        }
        return Optional.of("unknown descriptor " + schedule + " (known: " + String.join(", ", DESCRIPTORS)
                + " and @every <duration>)");
    }

    /** One list item: {@code *}, {@code ?}, a value or a range, each with an optional step. */
    private static Optional<String> itemProblem(Field field, String item) {
        String[] rangeAndStep = item.split("/", -1);
        if (rangeAndStep.length > 2) {
            return Optional.of(field.name() + " '" + item + "' has more than one '/'");
        }
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        int start;
        int end;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            // the parser reads only what precedes a '-' here: "*-5" is "*"
            start = field.min();
            end = field.max();
        } else if (lowAndHigh.length > 2) {
            return Optional.of(field.name() + " '" + item + "' has more than one '-'");
        } else {
            Integer low = value(field, lowAndHigh[0]);
            Integer high = lowAndHigh.length == 2 ? value(field, lowAndHigh[1]) : low;
            if (low == null || high == null) {
                String text = low == null ? lowAndHigh[0] : lowAndHigh[1];
                return Optional.of(field.name() + " '" + text + "' is not "
                        + (field.names().isEmpty() ? "a number" : "a number or a name"));
            }
            start = low;
            // "5/15" means 5 to the maximum in steps of 15
            end = lowAndHigh.length == 1 && rangeAndStep.length == 2 ? field.max() : high;
        }
        if (start < field.min() || end > field.max()) {
            int outside = start < field.min() ? start : end;
            return Optional.of(field.name() + " " + outside + " is outside " + field.min() + "-" + field.max());
        }
        if (start > end) {
            return Optional.of(field.name() + " range '" + rangeAndStep[0] + "' is reversed");
        }
        if (rangeAndStep.length == 2) {
            String step = rangeAndStep[1];
            if (!INTEGER.matcher(step).matches()) {
                return Optional.of(field.name() + " step '" + step + "' is not a number");
            }
            if (Integer.parseInt(step) <= 0) {
                return Optional.of(field.name() + " step must be positive");
            }
        }
        return Optional.empty();
    }

    /** A number (digits, optionally signed, as Go's Atoi reads it) or one of the field's names. */
    private static Integer value(Field field, String text) {
        if (INTEGER.matcher(text).matches()) {
            return Integer.parseInt(text);
        }
        int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        return named < 0 ? null : field.min() + named;
    }
}
