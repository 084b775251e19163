package io.langop.proxy.usage;

import java.util.concurrent.TimeUnit;

/**
 * Latencies since the proxy started in fixed buckets, for the average and the 95th and 99th percentiles that
 * {@code /usage} reports. A percentile is the upper bound of the bucket it falls in: coarse, but it only changes
 * when requests arrive, so an idle proxy reports the same figures and its readers write nothing. (A decaying
 * window, as Micrometer's percentiles are, would drift while idle.) Not thread-safe: its owner synchronizes.
 */
final class LatencyHistogram {

    /** Upper bounds in milliseconds; the last bucket holds everything slower. */
    private static final long[] BOUNDS_MS = {
        5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, Long.MAX_VALUE
    };

    private final long[] counts = new long[BOUNDS_MS.length];
    private long total;
    private long sumMillis;

    void record(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos));
        int bucket = 0;
        while (millis > BOUNDS_MS[bucket]) {
            bucket++;
        }
        counts[bucket]++;
        total++;
        sumMillis += millis;
    }

    /** The count of each bucket, a copy. */
    long[] buckets() {
        return counts.clone();
    }

    long sumMillis() {
        return sumMillis;
    }

    /** Adds another histogram's counts ({@link #buckets()} and {@link #sumMillis()}). */
    void add(long[] buckets, long sumMillis) {
        for (int bucket = 0; bucket < Math.min(buckets.length, counts.length); bucket++) {
            counts[bucket] += buckets[bucket];
            total += buckets[bucket];
        }
        this.sumMillis += sumMillis;
    }

    /** How many buckets there are. */
    static int bucketCount() {
        return BOUNDS_MS.length;
    }

    /** Average in milliseconds, null before the first answer. */
    Long averageMillis() {
        return total == 0 ? null : sumMillis / total;
    }

    /**
     * The bound of the bucket holding the {@code quantile} (0..1), null before the first answer; the slowest
     * bucket has no bound, so it reports the largest finite one.
     */
    Long percentileMillis(double quantile) {
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length - 1; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return BOUNDS_MS[bucket];
            }
        }
        return BOUNDS_MS[BOUNDS_MS.length - 2];
    }
}
