package io.langop.proxy.usage;

import io.langop.proxy.report.UsageReport;
import java.time.Instant;

/** The runs one client reported. Thread-safe. */
final class RunTally {

    private long runs;
    private long succeeded;
    private Instant lastEnded;
    private String lastResult;

    synchronized void add(String result, boolean success, Instant ended) {
        add(1, success ? 1 : 0, ended, result);
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

    synchronized Counts counts() {
        return new Counts(runs, succeeded, lastEnded, lastResult);
    }

    synchronized UsageReport.Runs snapshot() {
        return new UsageReport.Runs(
                runs, succeeded, runs - succeeded, lastEnded == null ? null : lastEnded.toString(), lastResult);
    }

    record Counts(long runs, long succeeded, Instant lastEnded, String lastResult) {}
}
