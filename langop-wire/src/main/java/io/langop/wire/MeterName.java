package io.langop.wire;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A meter langop exports, as code registers it with Micrometer and as Prometheus shows it: {@link #series()} are
 * the names a dashboard or an alert may query. Every one is listed in {@link Meters}, the one place code, the
 * chart's dashboard and its alerts take metric names from.
 *
 * @param name the Micrometer name, Prometheus-style ({@code langop_agent_runs})
 * @param kind how it is measured, which decides the suffixes Prometheus adds
 * @param description the {@code # HELP} line
 */
public record MeterName(String name, Kind kind, String description) {

    private static final Pattern NAME = Pattern.compile("langop_[a-z0-9_]+");

    /** The kinds langop uses; the suffixes are Micrometer's Prometheus naming convention. */
    public enum Kind {
        /** {@code <name>_total}. */
        COUNTER,
        /** A latency histogram in seconds: {@code <name>_seconds_bucket}, {@code _count}, {@code _sum}, {@code _max}. */
        TIMER,
        /** {@code <name>} as it is. */
        GAUGE
    }

    public MeterName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a langop meter is named langop_ and lower-case words: " + name);
        }
    }

    /** The series Prometheus has of this meter once it is scraped (over OTLP, a collector names them alike). */
    public List<String> series() {
        return switch (kind) {
            case COUNTER -> List.of(name + "_total");
            case TIMER -> {
                String seconds = name + "_seconds";
                yield List.of(seconds + "_bucket", seconds + "_count", seconds + "_sum", seconds + "_max");
            }
            case GAUGE -> List.of(name);
        };
    }
}
