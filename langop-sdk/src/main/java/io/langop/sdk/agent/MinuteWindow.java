package io.langop.sdk.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Amounts (requests, tokens, tool calls) counted over the sliding minute that ends now. Not thread-safe. */
final class MinuteWindow {

    private record Entry(Instant at, long amount) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long total;

    /** The total of the last minute, before {@code amount} is added at {@code now}. */
    long totalBefore(Instant now) {
        Instant start = now.minus(Duration.ofMinutes(1));
        while (!entries.isEmpty() && entries.peekFirst().at().isBefore(start)) {
            total -= entries.removeFirst().amount();
        }
        return total;
    }

    void add(Instant now, long amount) {
        entries.addLast(new Entry(now, amount));
        total += amount;
    }
}
