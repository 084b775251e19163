package io.langop.proxy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleWatchdogTest {

  @Test
  void closesASilentStream() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    try (IdleWatchdog watchdog = new IdleWatchdog(Duration.ofMillis(50), closed::countDown)) {
      assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(watchdog.fired()).isTrue();
    }
  }

  @Test
  void finishedStreamsLeaveNothingScheduled() {
    int before = IdleWatchdog.pendingChecks();
    Closeable never = () -> { };
    for (int i = 0; i < 1000; i++) {
      new IdleWatchdog(Duration.ofMinutes(5), never).close();
    }

    assertThat(IdleWatchdog.pendingChecks()).isEqualTo(before);
  }
}
