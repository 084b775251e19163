package io.langop.kit.trigger;

import io.langop.server.metrics.MeterBuilders;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * The meters of {@link SignedEventPoster}: {@link Meters#TRIGGER_DELIVERIES} and
 * {@link Meters#TRIGGER_DELIVERY_DURATION} per trigger type and outcome, {@link Meters#TRIGGER_DELIVERY_RETRIES} per
 * trigger type and why the attempt is repeated.
 */
final class DeliveryMeters {

    static final String UNREACHABLE = "unreachable";

    private final MeterRegistry registry;

    DeliveryMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void ended(String triggerType, SignedEventPoster.Outcome outcome, long nanos) {
        String tag = outcome.tag();
        MeterBuilders.counter(Meters.TRIGGER_DELIVERIES)
                .tag("trigger_type", triggerType)
                .tag("outcome", tag)
                .register(registry)
                .increment();
        MeterBuilders.timer(Meters.TRIGGER_DELIVERY_DURATION)
                .tag("trigger_type", triggerType)
                .tag("outcome", tag)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    void retried(String triggerType, String reason) {
        MeterBuilders.counter(Meters.TRIGGER_DELIVERY_RETRIES)
                .tag("trigger_type", triggerType)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** A few values, so that an alert can tell a busy agent from a missing or failing one. */
    static String retryReason(int status) {
        return switch (status) {
            case 429 -> "throttled";
            case 401 -> "unauthorized";
            case 404 -> "not_ready";
            default -> status / 100 == 5 ? "server_error" : "other";
        };
    }
}
