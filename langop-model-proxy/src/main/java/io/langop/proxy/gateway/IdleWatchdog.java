package io.langop.proxy.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes an upstream stream that has been silent for longer than the model's timeout, so a stalled upstream
 * cannot hold a client (and a concurrency slot) forever. Closing the body aborts the upstream request and
 * wakes the reader blocked on it.
 */
final class IdleWatchdog implements AutoCloseable {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("proxy-stream-watchdog").factory());
  private static final long MIN_CHECK_NANOS = Duration.ofMillis(10).toNanos();

  private final long idleNanos;
  private final Closeable upstream;
  private final ScheduledFuture<?> check;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean fired;

  IdleWatchdog(Duration idle, Closeable upstream) {
    this.idleNanos = idle.toNanos();
    this.upstream = upstream;
    long period = Math.max(MIN_CHECK_NANOS, idleNanos / 4);
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
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
