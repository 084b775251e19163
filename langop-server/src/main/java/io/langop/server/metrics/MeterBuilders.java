package io.langop.server.metrics;

import io.langop.wire.MeterName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Builders of the meters {@link io.langop.wire.Meters} lists, so that each is registered under its listed name
 * and kind, with its description, and every latency histogram of every process has the same buckets: a
 * dashboard can put an agent's model calls and its proxy's requests side by side.
 */
public final class MeterBuilders {

    /**
     * From 5 ms (a cache hit, a local tool) to 5 minutes (a long model answer, a run): 15 buckets and +Inf, few
     * enough to keep a series per tag set cheap, as {@code /usage}'s latency buckets.
     */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2_500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5)
    };

    private MeterBuilders() {}

    /** A latency histogram (seconds) with the shared buckets. */
    public static Timer.Builder timer(MeterName meter) {
        require(meter, MeterName.Kind.TIMER);
        return Timer.builder(meter.name()).description(meter.description()).serviceLevelObjectives(LATENCY_BUCKETS);
    }

    public static Counter.Builder counter(MeterName meter) {
        require(meter, MeterName.Kind.COUNTER);
        return Counter.builder(meter.name()).description(meter.description());
    }

    private static void require(MeterName meter, MeterName.Kind kind) {
        if (meter.kind() != kind) {
            throw new IllegalArgumentException(meter.name() + " is a " + meter.kind() + ", not a " + kind);
        }
    }
}
