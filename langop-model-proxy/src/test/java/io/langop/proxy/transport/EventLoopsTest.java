package io.langop.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

    @Test
    void requestThreadsRunOnTheirEventLoopItself() throws Exception {
        assertThat(EventLoops.carriesRequestThreads())
                .as("the tests open java.lang, as the image does")
                .isTrue();
        try (EventLoops loops = new EventLoops()) {
            EventLoop loop = loops.workers().next();
            AtomicBoolean loopRanMeanwhile = new AtomicBoolean();
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            EventLoops.requestThreads(loop)
                    .newThread(() -> {
                        // While this thread computes, its event loop is busy carrying it: a task queued on it waits.
                        loop.execute(() -> loopRanMeanwhile.set(true));
                        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        boolean ranWhileBusy = loopRanMeanwhile.get();
                        // Once it parks, the loop is free again and runs the task.
                        loop.submit(() -> {}).syncUninterruptibly();
                        result.complete(!ranWhileBusy && loopRanMeanwhile.get());
                    })
                    .start();
            assertThat(result.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
