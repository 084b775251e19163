package io.langop.wire;

import java.time.Duration;

/**
 * How kubectl writes an age: {@code 45s}, {@code 3m12s}, {@code 2h5m}, {@code 3d4h}, as Kubernetes' HumanDuration;
 * langop local's API server and the {@code langop} command show ages as kubectl does.
 */
public final class HumanDuration {

    private HumanDuration() {}

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        }
        if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long rest = minutes % 60;
            return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            long rest = hours % 24;
            return rest == 0 ? hours / 24 + "d" : hours / 24 + "d" + rest + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long years = hours / 24 / 365;
        if (years < 8) {
            long days = hours / 24 % 365;
            return days == 0 ? years + "y" : years + "y" + days + "d";
        }
        return years + "y";
    }
}
