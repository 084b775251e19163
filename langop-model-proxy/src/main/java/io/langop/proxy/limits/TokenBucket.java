package io.langop.proxy.limits;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A bucket holding up to one minute's allowance, refilled continuously. Taking and giving back happen
 * under the bucket's lock, so concurrent callers can never together take more than is there.
 */
final class TokenBucket {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final double capacity;
    private final double perNano;
    private final LongSupplier clock;
    private double available;
    private long refilledAt;

    TokenBucket(long perMinute, LongSupplier clock) {
        this.capacity = perMinute;
        this.perNano = (double) perMinute / NANOS_PER_MINUTE;
        this.clock = clock;
        this.available = perMinute;
        this.refilledAt = clock.getAsLong();
    }

    /**
     * Takes {@code amount} when at least {@code needed} is there (callers pass {@code needed < amount} to
     * allow going into debt, which later requests pay back by waiting).
     *
     * @return zero when taken, otherwise how long until {@code needed} will be there
     */
    synchronized Duration tryTake(double needed, double amount) {
        refill();
        if (available >= needed) {
            available -= amount;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((needed - available) / perNano));
    }

    /** Gives back (positive) or charges more (negative), e.g. once the real token count is known. */
    synchronized void adjust(double amount) {
        refill();
        available = Math.min(capacity, available + amount);
    }

    synchronized double available() {
        refill();
        return available;
    }

    private void refill() {
        long now = clock.getAsLong();
        available = Math.min(capacity, available + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
