package io.langop.proxy.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes an upstream stream that has been silent for longer than the model's timeout, so a stalled upstream
 * cannot hold a client (and a concurrency slot) forever. Closing the body aborts the upstream request and
 * wakes the reader blocked on it.
 */
final class IdleWatchdog implements AutoCloseable {

  private static final ScheduledThreadPoolExecutor TIMER = timer();
  private static final long MIN_CHECK_NANOS = Duration.ofMillis(10).toNanos();

  private final long idleNanos;
  private final Closeable upstream;
  private final ScheduledFuture<?> check;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean fired;

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().daemon().name("proxy-stream-watchdog").factory());
    // A finished stream's check must leave the queue at once, not at its next due time: otherwise every
    // stream of the last minutes stays reachable (with its buffers) through its cancelled check.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  IdleWatchdog(Duration idle, Closeable upstream) {
    this.idleNanos = idle.toNanos();
    this.upstream = upstream;
    long period = Math.max(MIN_CHECK_NANOS, idleNanos / 4);
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
  }

  /** Checks scheduled for streams still open. */
  static int pendingChecks() {
    return TIMER.getQueue().size();
  }

  void activity() {
    lastActivity = System.nanoTime();
  }

  boolean fired() {
    return fired;
  }

  private void check() {
    if (!fired && System.nanoTime() - lastActivity > idleNanos) {
      fired = true;
      check.cancel(false);
      try {
        upstream.close();
      } catch (IOException ignored) {
        // the stream is being abandoned either way
      }
    }
  }

  @Override
  public void close() {
    check.cancel(false);
  }
}
