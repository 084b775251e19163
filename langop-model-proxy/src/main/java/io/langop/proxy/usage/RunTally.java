package io.langop.proxy.usage;

import io.langop.proxy.report.UsageReport;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs one client reported, in all and per version of its code (the {@value UsageReport.Runs#CODE_VERSIONS_KEPT}
 * versions reported last: older code matters to nobody once newer code ran). Thread-safe.
 */
final class RunTally {

    private long runs;
    private long succeeded;
    private Instant lastEnded;
    private String lastResult;
    private final Map<String, CodeCounts> byCode = new HashMap<>();

    /** One run that ended at {@code ended}; {@code codeHash} and {@code failure} may be null. */
    synchronized void add(String result, boolean success, Instant ended, String codeHash, String failure) {
        add(1, success ? 1 : 0, ended, result);
        if (codeHash != null) {
            addCode(
                    codeHash,
                    new CodeCounts(1, success ? 1 : 0, ended, success ? null : ended, success ? null : failure));
        }
    }

    /** Adds counts, the last run being the later of this tally's and {@code ended}. */
    synchronized void add(long runs, long succeeded, Instant ended, String result) {
        this.runs += runs;
        this.succeeded += succeeded;
        if (ended != null && (lastEnded == null || ended.isAfter(lastEnded))) {
            lastEnded = ended;
            lastResult = result;
        }
    }

    /** Adds the counts of one code version, forgetting the version reported longest ago beyond those kept. */
    synchronized void addCode(String codeHash, CodeCounts counts) {
        byCode.merge(codeHash, counts, CodeCounts::plus);
        if (byCode.size() > UsageReport.Runs.CODE_VERSIONS_KEPT) {
            byCode.entrySet().stream()
                    .min(Comparator.comparing(
                            (Map.Entry<String, CodeCounts> entry) ->
                                    entry.getValue().lastEnded(),
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(Map.Entry::getKey)
                    .ifPresent(byCode::remove);
        }
    }

    synchronized Counts counts() {
        return new Counts(runs, succeeded, lastEnded, lastResult, Map.copyOf(byCode));
    }

    synchronized UsageReport.Runs snapshot() {
        Map<String, UsageReport.CodeRuns> codes = new TreeMap<>();
        byCode.forEach((hash, counts) -> codes.put(hash, counts.snapshot()));
        return new UsageReport.Runs(
                runs, succeeded, runs - succeeded, lastEnded == null ? null : lastEnded.toString(), lastResult, codes);
    }

    record Counts(long runs, long succeeded, Instant lastEnded, String lastResult, Map<String, CodeCounts> byCode) {}

    /**
     * The runs of one code version.
     *
     * @param lastFailed  when the last failed run of it ended, null when none failed
     * @param lastFailure why that run failed, null when it did not say
     */
    record CodeCounts(long runs, long succeeded, Instant lastEnded, Instant lastFailed, String lastFailure) {

        CodeCounts plus(CodeCounts other) {
            boolean otherFailedLater = other.lastFailed() != null
                    && (lastFailed == null || other.lastFailed().isAfter(lastFailed));
            return new CodeCounts(
                    runs + other.runs(),
                    succeeded + other.succeeded(),
                    later(lastEnded, other.lastEnded()),
                    otherFailedLater ? other.lastFailed() : lastFailed,
                    otherFailedLater ? other.lastFailure() : lastFailure);
        }

        UsageReport.CodeRuns snapshot() {
            return new UsageReport.CodeRuns(
                    runs, succeeded, runs - succeeded, lastEnded == null ? null : lastEnded.toString(), lastFailure);
        }

        private static Instant later(Instant a, Instant b) {
            return a == null || (b != null && b.isAfter(a)) ? b : a;
        }
    }
}
