package io.langop.console.guard;

import io.langop.api.v1alpha1.client.ClientRateLimits;
import io.langop.api.v1alpha1.client.RateLimitStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rateLimiting} per user, over sliding windows: requests per minute, hour and day, and tokens per minute and
 * day. A request is admitted while every window has room; tokens are counted after the answer (the upstream's
 * usage), so the request that crosses a token limit finishes and the next one waits. One replica counts its own
 * users' requests.
 */
public final class UserRateLimits {

    private static final Logger LOG = LoggerFactory.getLogger(UserRateLimits.class);

    /** Why a request waits, and for how long at least. */
    public record Refusal(String message, Duration retryAfter) {}

    private record Limit(String what, Duration window, long max, boolean tokens) {}

    private record Entry(Instant at, long tokens) {}

    private final List<Limit> limits = new ArrayList<>();
    private final Map<String, Deque<Entry>> requests = new ConcurrentHashMap<>();
    private final Map<String, Deque<Entry>> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    public UserRateLimits(ClientRateLimits config, Clock clock) {
        this.clock = clock;
        if (config == null) {
            return;
        }
        add("requests per minute", Duration.ofMinutes(1), config.getRequestsPerMinute(), false);
        add("requests per hour", Duration.ofHours(1), config.getRequestsPerHour(), false);
        add("requests per day", Duration.ofDays(1), config.getRequestsPerDay(), false);
        add("tokens per minute", Duration.ofMinutes(1), config.getTokensPerMinute(), true);
        add("tokens per day", Duration.ofDays(1), config.getTokensPerDay(), true);
        if (config.getStrategy() != null && config.getStrategy() != RateLimitStrategy.SLIDING_WINDOW) {
            LOG.warn("rateLimiting.strategy {} is counted as a sliding window", config.getStrategy());
        }
    }

    private void add(String what, Duration window, Integer max, boolean countsTokens) {
        if (max != null) {
            limits.add(new Limit(what, window, max, countsTokens));
        }
    }

    /** Admits and counts a request of {@code user}, or says which limit it would pass. */
    public Optional<Refusal> admit(String user) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Deque<Entry> userRequests = requests.computeIfAbsent(user, key -> new ArrayDeque<>());
        Deque<Entry> userTokens = tokens.computeIfAbsent(user, key -> new ArrayDeque<>());
        synchronized (userRequests) {
            for (Limit limit : limits) {
                Deque<Entry> entries = limit.tokens() ? userTokens : userRequests;
                synchronized (entries) {
                    forgetOlderThanADay(entries, now);
                    long used = 0;
                    Instant oldest = null;
                    for (Entry entry : entries) {
                        if (entry.at().isAfter(now.minus(limit.window()))) {
                            used += limit.tokens() ? entry.tokens() : 1;
                            oldest = oldest == null ? entry.at() : oldest;
                        }
                    }
                    if (used >= limit.max()) {
                        Duration wait = Duration.between(now, oldest.plus(limit.window()));
                        return Optional.of(new Refusal(
                                "rate limit of " + limit.max() + " " + limit.what() + " reached; try again in "
                                        + Math.max(1, wait.toSeconds()) + " s",
                                wait));
                    }
                }
            }
            userRequests.addLast(new Entry(now, 0));
        }
        return Optional.empty();
    }

    /** Counts the tokens an answer to {@code user} used. */
    public void spent(String user, long used) {
        if (used <= 0 || limits.stream().noneMatch(Limit::tokens)) {
            return;
        }
        Deque<Entry> entries = tokens.computeIfAbsent(user, key -> new ArrayDeque<>());
        synchronized (entries) {
            entries.addLast(new Entry(clock.instant(), used));
        }
    }

    private static void forgetOlderThanADay(Deque<Entry> entries, Instant now) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(dayAgo)) {
            entries.removeFirst();
        }
    }
}
