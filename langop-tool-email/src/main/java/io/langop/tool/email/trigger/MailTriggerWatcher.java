package io.langop.tool.email.trigger;

import io.langop.tool.email.connection.MailServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * The email tool's mail triggers ({@link MailTriggerSettings}): one {@link FolderWatch} per trigger, each on its own
 * IMAP connection and thread, so that an agent that is slow to take its events holds up no other agent.
 */
public final class MailTriggerWatcher implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final List<FolderWatch> watches = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService timer;

    private MailTriggerWatcher(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts watching for every trigger of {@code settings}.
     *
     * @param mask hides the mail passwords in a server's error text before it is logged
     * @param meters the tool's {@code /metrics} registry, where deliveries are counted and timed
     */
    public static MailTriggerWatcher start(
            MailServer imap,
            MailTriggerSettings settings,
            Clock clock,
            UnaryOperator<String> mask,
            MeterRegistry meters) {
        MailTriggerWatcher watcher = new MailTriggerWatcher(Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mail-idle-timer").daemon().factory()));
        EventDelivery delivery = new EventDelivery(clock, EventDelivery.RETRY, meters);
        for (Subscriber subscriber : settings.subscribers()) {
            FolderWatch watch = new FolderWatch(imap, subscriber, settings, delivery, watcher.timer, clock, mask);
            watcher.watches.add(watch);
            watcher.threads.add(Thread.ofVirtual()
                    .name("mail-trigger-" + watcher.threads.size())
                    .start(watch));
        }
        return watcher;
    }

    /** How many triggers are watched. */
    public int size() {
        return watches.size();
    }

    /** Whether every watch has delivered what there was and waits for new mail. */
    boolean waiting() {
        return watches.stream().allMatch(FolderWatch::waiting);
    }

    /**
     * Stops every watch: a delivery under way may finish (so that its cursor is kept and a restart does not deliver it
     * again), then what still runs is interrupted; a message whose delivery is cut off is delivered by the next process.
     */
    @Override
    public void close() {
        watches.forEach(FolderWatch::stop);
        try {
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            for (Thread thread : threads) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join(STOP_WAIT);
            }
        } catch (InterruptedException interrupted) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }
}
