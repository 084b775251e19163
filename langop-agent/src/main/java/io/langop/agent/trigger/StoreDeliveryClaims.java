package io.langop.agent.trigger;

import io.langop.sdk.memory.spi.BackendUnavailableException;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.retry.Backoff;
import io.langop.wire.Sha256;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery claims in the agent's memory store, which every replica reaches ({@link MemoryBackend#claim}). A claim lasts
 * {@link #LIFETIME}: longer than senders redeliver (GitHub offers a delivery for redelivery for 3 days). A store that
 * cannot be reached costs the de-duplication across pods, not the run: a delivery that may run twice is better than
 * one that never runs.
 */
public final class StoreDeliveryClaims implements DeliveryClaims {

    /** How long a replica's claim keeps the others from running the delivery. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /**
     * A store that does not answer: 4 attempts, 0.25 s doubling (1.75 s in all). Shorter than memory's own patience:
     * the claim only guards against a rare second run, and every event's run would wait for it.
     */
    public static final Backoff RETRIES = new Backoff(4, Duration.ofMillis(250), Duration.ofSeconds(1));

    private static final Logger LOG = LoggerFactory.getLogger(StoreDeliveryClaims.class);
    /** Delivery ids hold any text (a CloudEvent's source and id); the store's names are the key alphabet. */
    private static final String NAME_PREFIX = "delivery-";

    private final MemoryBackend store;
    private final Backoff retries;

    public StoreDeliveryClaims(MemoryBackend store, Backoff retries) {
        this.store = store;
        this.retries = retries;
    }

    @Override
    public boolean claim(String deliveryId, String claimant) throws InterruptedException {
        try {
            return retries.call(
                    "claiming a delivery in " + store.description(),
                    () -> store.claim(name(deliveryId), claimant, LIFETIME),
                    failure -> failure instanceof BackendUnavailableException);
        } catch (InterruptedException stopping) {
            throw stopping;
        } catch (Exception unreachable) {
            LOG.warn(
                    "Delivery {} could not be claimed in {} ({}): it runs here, and another replica that has it runs it"
                            + " too",
                    deliveryId,
                    store.description(),
                    unreachable.getMessage());
            return true;
        }
    }

    private static String name(String deliveryId) {
        return NAME_PREFIX + Sha256.hex(deliveryId);
    }
}
