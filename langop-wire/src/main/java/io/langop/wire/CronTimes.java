package io.langop.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule in the CronJob dialect ({@link CronJobSchedules}) fires, in UTC: five fields, the {@code @daily}-style
 * descriptors and {@code @every <duration>}, whose times are the multiples of the duration since the Unix epoch (so a
 * restarted scheduler keeps the same beat). Day of month and day of week combine as the CronJob controller's parser
 * combines them: both must match when either is {@code *}, else either may.
 */
public final class CronTimes {

    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String EVERY = "@every ";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final List<List<String>> NAMES = List.of(
            List.of(),
            List.of(),
            List.of(),
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 6};
    /** Far enough for any satisfiable schedule (a 29 February that is a Monday comes within 28 years). */
    private static final Duration HORIZON = Duration.ofDays(366L * 30);

    private final Duration every;
    private final BitSet[] fields;
    private final boolean dayOfMonthStar;
    private final boolean dayOfWeekStar;

    private CronTimes(Duration every, BitSet[] fields, boolean dayOfMonthStar, boolean dayOfWeekStar) {
        this.every = every;
        this.fields = fields;
        this.dayOfMonthStar = dayOfMonthStar;
        this.dayOfWeekStar = dayOfWeekStar;
    }

    /**
     * The times of {@code schedule}.
     *
     * @throws IllegalArgumentException when the schedule is not valid ({@link CronJobSchedules#problem}'s message) or
     *     an {@code @every} shorter than a second
     */
    public static CronTimes of(String schedule) {
        Optional<String> problem = CronJobSchedules.problem(schedule);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        if (schedule.startsWith(EVERY)) {
            Duration every = goDuration(schedule.substring(EVERY.length()));
            if (every.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("@every needs at least 1s");
            }
            return new CronTimes(every, null, false, false);
        }
        String[] parts =
                WHITESPACE.split(DESCRIPTORS.getOrDefault(schedule, schedule).strip(), -1);
        BitSet[] fields = new BitSet[5];
        boolean[] star = new boolean[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = new BitSet();
            for (String item : parts[i].split(",", -1)) {
                if (!item.isEmpty()) {
                    star[i] |= add(fields[i], i, item);
                }
            }
        }
        return new CronTimes(null, fields, star[2], star[4]);
    }

    /** The first time after {@code after} (strictly), or empty when the schedule never fires (e.g. 30 February). */
    public Optional<Instant> next(Instant after) {
        if (every != null) {
            long period = every.toNanos();
            long since = Duration.between(Instant.EPOCH, after).toNanos();
            return Optional.of(Instant.EPOCH.plusNanos((Math.floorDiv(since, period) + 1) * period));
        }
        ZonedDateTime time =
                after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime end = time.plus(HORIZON);
        while (time.isBefore(end)) {
            if (!fields[3].get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(time)) {
                time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!fields[1].get(time.getHour())) {
                time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!fields[0].get(time.getMinute())) {
                time = time.plusMinutes(1);
            } else {
                return Optional.of(time.toInstant());
            }
        }
        return Optional.empty();
    }

    /** The last time at or before {@code at} after {@code since} (strictly), if there is one: a time missed between. */
    public Optional<Instant> lastBetween(Instant since, Instant at) {
        Optional<Instant> last = Optional.empty();
        Optional<Instant> next = next(since);
        if (every != null && next.isPresent() && !next.get().isAfter(at)) {
            // the multiples of the period are regular: the last one at or before 'at' directly
            long period = every.toNanos();
            long upTo = Duration.between(Instant.EPOCH, at).toNanos();
            return Optional.of(Instant.EPOCH.plusNanos(Math.floorDiv(upTo, period) * period));
        }
        while (next.isPresent() && !next.get().isAfter(at)) {
            last = next;
            next = next(next.get());
        }
        return last;
    }

    private boolean dayMatches(ZonedDateTime time) {
        boolean dayOfMonth = fields[2].get(time.getDayOfMonth());
        boolean dayOfWeek = fields[4].get(time.getDayOfWeek().getValue() % 7);
        return (dayOfMonthStar || dayOfWeekStar) ? (dayOfMonth && dayOfWeek) : (dayOfMonth || dayOfWeek);
    }

    /** Sets the values of one list item; true when it is {@code *} (or {@code ?}) without a step over 1. */
    private static boolean add(BitSet values, int field, String item) {
        String[] rangeAndStep = item.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean star = lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?");
        int start = star ? MIN[field] : value(field, lowAndHigh[0]);
        int end = star ? MAX[field] : (lowAndHigh.length == 2 ? value(field, lowAndHigh[1]) : start);
        int step = 1;
        if (rangeAndStep.length == 2) {
            step = Integer.parseInt(rangeAndStep[1]);
            if (!star && lowAndHigh.length == 1) {
                end = MAX[field];
            }
        }
        for (int value = start; value <= end; value += step) {
            values.set(value);
        }
        return star && step == 1;
    }

    private static int value(int field, String text) {
        int named = NAMES.get(field).indexOf(text.toUpperCase(Locale.ROOT));
        return named >= 0 ? MIN[field] + named : Integer.parseInt(text);
    }

    /** Go's time.ParseDuration for the positive durations {@link CronJobSchedules} lets through. */
    private static Duration goDuration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = DURATION_PART.matcher(text.startsWith("+") ? text.substring(1) : text);
        double nanos = 0;
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            nanos += amount
                    * switch (part.group(2)) {
                        case "ns" -> 1;
                        case "us", "µs", "μs" -> 1e3;
                        case "ms" -> 1e6;
                        case "s" -> 1e9;
                        case "m" -> 60e9;
                        default -> 3600e9;
                    };
        }
        return text.startsWith("-") ? Duration.ZERO : Duration.ofNanos((long) nanos);
    }
}
