package io.langop.kit.tool;

import java.time.Duration;

/** Counts MCP requests in progress so shutdown can wait for them before it ends the MCP sessions. */
final class InFlightRequests {

    private int count;

    synchronized void enter() {
        count++;
    }

    synchronized void exit() {
        if (--count == 0) {
            notifyAll();
        }
    }

    /** Waits until no call is in progress or the timeout passes; true when idle. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return true;
    }
}
