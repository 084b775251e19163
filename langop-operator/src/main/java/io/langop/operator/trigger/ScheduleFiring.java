package io.langop.operator.trigger;

import io.langop.wire.CronTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The times of one {@code schedule} trigger, each forwarded when it comes. The last delivered time is in {@link
 * DeliveredState}: a restarted operator forwards the latest time it missed (once, however many it missed, as a CronJob
 * that starts late runs once); the first start of a trigger forwards nothing past.
 */
final class ScheduleFiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFiring.class);

    private final String trigger;
    private final String schedule;
    private final CronTimes times;
    private final DeliveredState state;
    private final Consumer<Forwarded> forward;
    private final Clock clock;
    private Thread thread;

    ScheduleFiring(String trigger, String schedule, DeliveredState state, Consumer<Forwarded> forward, Clock clock) {
        this.trigger = trigger;
        this.schedule = schedule;
        this.times = CronTimes.of(schedule);
        this.state = state;
        this.forward = forward;
        this.clock = clock;
    }

    void start() {
        Instant now = clock.instant();
        Optional<Instant> last = state.lastTime(trigger, schedule);
        if (last.isEmpty()) {
            state.lastTime(trigger, schedule, now);
            state.save();
        } else {
            times.lastBetween(last.get(), now).ifPresent(missed -> {
                LOG.info("Schedule trigger {}: {} was missed, delivering it now", trigger, missed);
                forward.accept(new ScheduledTime(trigger, schedule, missed));
            });
        }
        thread = Thread.ofVirtual().name("schedule-" + trigger).start(() -> fire(now));
    }

    private void fire(Instant from) {
        Instant after = from;
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Instant> next = times.next(after);
            if (next.isEmpty()) {
                LOG.warn("Schedule trigger {}: '{}' never fires", trigger, schedule);
                return;
            }
            try {
                Duration wait = Duration.between(clock.instant(), next.get());
                if (wait.isPositive()) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException closed) {
                return;
            }
            forward.accept(new ScheduledTime(trigger, schedule, next.get()));
            after = next.get();
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
