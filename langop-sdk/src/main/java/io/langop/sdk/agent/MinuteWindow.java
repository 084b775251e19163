package io.langop.sdk.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Amounts (requests, tokens, tool calls) counted over the sliding minute that ends now. Thread-safe: the runs and
 * chat requests of one agent share it.
 */
final class MinuteWindow {

    private record Entry(Instant at, long amount) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long total;

    /** Adds {@code amount} unless the minute's total would exceed {@code limit} (0: none); whether it was added. */
    synchronized boolean tryAdd(Instant now, long amount, long limit) {
        if (limit > 0 && totalAt(now) + amount > limit) {
            return false;
        }
        entries.addLast(new Entry(now, amount));
        total += amount;
        return true;
    }

    /** Adds {@code amount} (already spent) and returns the minute's total with it. */
    synchronized long add(Instant now, long amount) {
        entries.addLast(new Entry(now, amount));
        total += amount;
        return totalAt(now);
    }

    private long totalAt(Instant now) {
        Instant start = now.minus(Duration.ofMinutes(1));
        while (!entries.isEmpty() && entries.peekFirst().at().isBefore(start)) {
            total -= entries.removeFirst().amount();
        }
        return total;
    }
}
