package io.langop.proxy.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in the form Kubernetes specs use ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}; also
 * {@code ns}, {@code us} and {@code µs}, which the CRD patterns admit), so the operator copies values through unchanged.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new ConfigException("invalid duration '" + text + "': expected e.g. 500ms, 30s, 5m, 1h30m");
        }
        double nanos = 0;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            nanos += amount
                    * switch (part.group(2)) {
                        case "ns" -> 1;
                        case "us", "µs" -> 1e3;
                        case "ms" -> 1e6;
                        case "s" -> 1e9;
                        case "m" -> 60e9;
                        default -> 3600e9;
                    };
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] unitMillis = {3_600_000, 60_000, 1000, 1};
        String[] unitNames = {"h", "m", "s", "ms"};
        for (int i = 0; i < unitMillis.length; i++) {
            if (millis >= unitMillis[i]) {
                text.append(millis / unitMillis[i]).append(unitNames[i]);
                millis %= unitMillis[i];
            }
        }
        return text.toString();
    }
}
