package io.langop.proxy.routing;

import io.langop.proxy.config.CircuitBreakerSettings;
import java.util.function.LongSupplier;

/**
 * Ejects an endpoint after consecutive failures and lets a single probe through once the ejection has
 * run out: the probe's success closes the breaker, its failure ejects the endpoint again.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        PROBING
    }

    private final int failureThreshold;
    private final long ejectNanos;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openUntil;

    CircuitBreaker(CircuitBreakerSettings settings, LongSupplier clock) {
        this.failureThreshold = settings.failureThreshold();
        this.ejectNanos = settings.ejectFor().toNanos();
        this.clock = clock;
    }

    /** Whether a request may go to the endpoint now; when it is the probe, no other request may until it ends. */
    synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED -> true;
            case PROBING -> false;
            case OPEN -> {
                if (clock.getAsLong() - openUntil < 0) {
                    yield false;
                }
                state = State.PROBING;
                yield true;
            }
        };
    }

    /** Records a success; returns whether it ended an ejection. */
    synchronized boolean onSuccess() {
        boolean recovered = state != State.CLOSED;
        consecutiveFailures = 0;
        state = State.CLOSED;
        return recovered;
    }

    /** Records a failure; returns whether it ejected the endpoint (again). */
    synchronized boolean onFailure() {
        consecutiveFailures++;
        if (state == State.PROBING || consecutiveFailures >= failureThreshold) {
            boolean ejectedNow = state != State.OPEN;
            state = State.OPEN;
            openUntil = clock.getAsLong() + ejectNanos;
            return ejectedNow;
        }
        return false;
    }

    long ejectNanos() {
        return ejectNanos;
    }

    /** The request ended without saying anything about the endpoint's health (e.g. the client left). */
    synchronized void onNeutral() {
        if (state == State.PROBING) {
            state = State.OPEN;
        }
    }

    synchronized State state() {
        return state;
    }
}
