package io.langop.sdk.agent;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A five-field cron expression as Kubernetes CronJobs accept it (minute hour day-of-month month
 * day-of-week; {@code *}, lists, ranges, steps, month and day names, and the {@code @daily}-style
 * macros). Parsing rejects anything a CronJob would reject, so a bad schedule fails when the agent
 * is defined rather than when the operator creates the CronJob.
 */
public record CronSchedule(String expression) {

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
            new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private static final Map<String, String> MACROS = Map.of(
            "@yearly",
            "0 0 1 1 *",
            "@annually",
            "0 0 1 1 *",
            "@monthly",
            "0 0 1 * *",
            "@weekly",
            "0 0 * * 0",
            "@daily",
            "0 0 * * *",
            "@midnight",
            "0 0 * * *",
            "@hourly",
            "0 * * * *");

    public CronSchedule {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("invalid cron expression: empty");
        }
        expression = expression.strip();
        validate(MACROS.getOrDefault(expression, expression));
    }

    private static void validate(String expression) {
        String[] parts = expression.split("\\s+");
        if (parts.length != FIELDS.size()) {
            throw invalid(
                    expression,
                    "expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            for (String item : parts[i].split(",", -1)) {
                validateItem(expression, FIELDS.get(i), item);
            }
        }
    }

    private static void validateItem(String expression, Field field, String item) {
        String[] rangeAndStep = item.split("/", -1);
        if (rangeAndStep.length > 2) {
            throw invalid(expression, field.name() + " '" + item + "' has more than one '/'");
        }
        if (rangeAndStep.length == 2) {
            int step = number(expression, field, rangeAndStep[1], 0, field.max());
            if (step < 1) {
                throw invalid(expression, field.name() + " step must be positive");
            }
        }
        String range = rangeAndStep[0];
        if (range.equals("*")) {
            return;
        }
        String[] bounds = range.split("-", -1);
        if (bounds.length > 2) {
            throw invalid(expression, field.name() + " '" + item + "' is not a valid range");
        }
        int low = value(expression, field, bounds[0]);
        int high = bounds.length == 2 ? value(expression, field, bounds[1]) : low;
        if (low > high) {
            throw invalid(expression, field.name() + " range '" + range + "' is reversed");
        }
    }

    private static int value(String expression, Field field, String text) {
        int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + (field.min() == 1 ? 1 : 0);
        }
        return number(expression, field, text, field.min(), field.max());
    }

    private static int number(String expression, Field field, String text, int min, int max) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 3) {
            throw invalid(expression, field.name() + " '" + text + "' is not a number");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw invalid(expression, field.name() + " " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String expression, String problem) {
        return new IllegalArgumentException("invalid cron expression '" + expression + "': " + problem);
    }

    @Override
    public String toString() {
        return expression;
    }
}
