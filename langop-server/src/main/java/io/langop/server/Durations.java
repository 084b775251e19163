package io.langop.server;

import java.time.Duration;

/** Durations as people read them in an error message: {@code 30 s}, {@code 500 ms}. */
final class Durations {

    private Durations() {}

    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
