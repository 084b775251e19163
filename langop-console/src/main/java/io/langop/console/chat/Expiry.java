package io.langop.console.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The {@code ttl} of a store's conversations: which last change is still alive now, and when the store sweeps out
 * the expired ones — at most once a {@link #SWEEP_INTERVAL}, by whichever request comes first after it, rather than on every
 * request, whose cost would grow with the number of conversations kept.
 */
final class Expiry {

    /** How often a store sweeps at most. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Duration ttl;
    private final Clock clock;
    private final AtomicReference<Instant> nextSweep;

    /** @param firstSweep when the first sweep is due */
    Expiry(Duration ttl, Clock clock, Instant firstSweep) {
        this.ttl = ttl;
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(firstSweep);
    }

    /**
     * Sweeps first when a sweep is due (one caller does, the others go on).
     *
     * @param sweep removes the conversations last changed before the instant it is given
     * @return the oldest last change that is still alive
     */
    Instant oldestAlive(Consumer<Instant> sweep) {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            sweep.accept(now.minus(ttl));
        }
        return now.minus(ttl);
    }
}
