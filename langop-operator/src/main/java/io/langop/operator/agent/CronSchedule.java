package io.langop.operator.agent;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a CronJob schedule the way the CronJob controller reads it: a macro or five fields
 * (minute, hour, day of month, month, day of week) of values, ranges, lists and steps.
 */
final class CronSchedule {

    private record Field(String name, int min, int max, List<String> names) {}

    private static final Set<String> MACROS =
            Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
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
    private static final Pattern ITEM = Pattern.compile("(\\*|\\?|\\w+(-\\w+)?)(/(\\d+))?");

    private CronSchedule() {}

    /** Null when {@code schedule} is valid; otherwise what is wrong with it. */
    static String problem(String schedule) {
        String s = schedule.trim();
        if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
            return "time zones go in the CronJob's timeZone, not in the schedule";
        }
        if (s.startsWith("@")) {
            return MACROS.contains(s.toLowerCase(Locale.ROOT)) ? null : "unknown macro " + s;
        }
        String[] parts = s.split("\\s+");
        if (parts.length != FIELDS.size()) {
            return "expected 5 fields (minute hour day-of-month month day-of-week), got " + parts.length;
        }
        for (int i = 0; i < parts.length; i++) {
            String problem = fieldProblem(FIELDS.get(i), parts[i]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String fieldProblem(Field field, String text) {
        for (String item : text.split(",", -1)) {
            var m = ITEM.matcher(item);
            if (!m.matches()) {
                return field.name() + " '" + text + "' is not a value, range, list or step";
            }
            if (m.group(4) != null && Integer.parseInt(m.group(4)) == 0) {
                return field.name() + " step must be positive";
            }
            String base = m.group(1);
            if (base.equals("*") || base.equals("?")) {
                continue;
            }
            for (String bound : base.split("-")) {
                Integer value = value(field, bound);
                if (value == null || value < field.min() || value > field.max()) {
                    return field.name() + " '" + bound + "' is outside " + field.min() + "-" + field.max();
                }
            }
        }
        return null;
    }

    private static Integer value(Field field, String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        int index = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        return index < 0 ? null : index + field.min();
    }
}
