package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.langop.api.v1alpha1.model.LanguageModel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the {@link UsageBoard} every interval while the model controller runs (so only the leader polls), reconciles
 * the models whose figures changed, and forgets a deleted model's proxy.
 */
public final class UsagePolling extends SimpleInboundEventSource<LanguageModel>
        implements ResourceEventAware<LanguageModel> {

    private static final Logger LOG = LoggerFactory.getLogger(UsagePolling.class);

    private final UsageBoard board;
    private final Duration interval;
    private ScheduledExecutorService timer;
    /** Its failures are logged by {@link #poll} itself; kept to be cancelled. */
    private ScheduledFuture<?> polls;

    public UsagePolling(UsageBoard board, Duration interval) {
        super("usage-polling");
        this.board = board;
        this.interval = interval;
        board.onModelsChanged(ids -> ids.forEach(this::propagateEvent));
    }

    @Override
    public synchronized void start() {
        super.start();
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("usage-polling").daemon().factory());
        polls = timer.scheduleWithFixedDelay(
                this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            board.poll();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            // the timer would stop for good on an exception: log it and poll again next time
            LOG.warn("reading the model proxies' usage failed", unexpected);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            polls.cancel(true);
            timer.shutdownNow();
        }
        super.stop();
    }

    @Override
    public void onResourceDeleted(LanguageModel model) {
        board.forget(ResourceID.fromResource(model));
    }
}
