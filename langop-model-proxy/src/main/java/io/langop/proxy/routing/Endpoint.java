package io.langop.proxy.routing;

import io.langop.proxy.config.Durations;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.ProxyConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An upstream endpoint with the live state routing decides on. */
public final class Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

    /** Weight of the newest sample in the latency moving average. */
    private static final double LATENCY_SMOOTHING = 0.3;
    /**
     * Requests in flight to one endpoint at most. The upstream client opens a connection per concurrent request;
     * without a bound, a burst or a stall would open connections until the process runs out of files.
     */
    public static final int MAX_IN_FLIGHT = ProxyConfig.MAX_IN_FLIGHT_PER_ENDPOINT;

    private final EndpointConfig config;
    private final String apiKey;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT, true);
    /** Operation URLs under this endpoint's base, parsed once each rather than for every request. */
    private final Map<String, URI> urls = new ConcurrentHashMap<>();

    private volatile double averageLatencyNanos = -1;
    private int currentWeight; // smooth weighted round-robin state, guarded by the pool

    Endpoint(EndpointConfig config, String apiKey, CircuitBreaker breaker) {
        this.config = config;
        this.apiKey = apiKey;
        this.breaker = breaker;
    }

    public EndpointConfig config() {
        return config;
    }

    /** The upstream key for this endpoint, or null when the upstream needs none. */
    public String apiKey() {
        return apiKey;
    }

    /** This endpoint's API base joined with {@code path}, without doubling or dropping the slash between them. */
    public URI url(String path) {
        return urls.computeIfAbsent(path, p -> {
            String base = config.url().toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + p);
        });
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Moving average of response latency in nanoseconds; negative until the first success. */
    public double averageLatencyNanos() {
        return averageLatencyNanos;
    }

    public boolean ejected() {
        return breaker.state() != CircuitBreaker.State.CLOSED;
    }

    int weight() {
        return config.weight();
    }

    int currentWeight() {
        return currentWeight;
    }

    void currentWeight(int value) {
        currentWeight = value;
    }

    boolean tryAcquire() {
        if (!breaker.tryAcquire()) {
            return false;
        }
        inFlight.incrementAndGet();
        return true;
    }

    /**
     * Waits for one of the endpoint's {@link #MAX_IN_FLIGHT} slots.
     *
     * @return false when none came free within {@code timeout}
     */
    boolean awaitSlot(Duration timeout) throws InterruptedException {
        return slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void releaseSlot() {
        slots.release();
    }

    void release(Outcome outcome, long latencyNanos) {
        inFlight.decrementAndGet();
        switch (outcome) {
            case SUCCESS -> {
                if (breaker.onSuccess()) {
                    LOG.info("endpoint {} answered its probe and is back in rotation", config.url());
                }
                double previous = averageLatencyNanos;
                averageLatencyNanos =
                        previous < 0 ? latencyNanos : previous + LATENCY_SMOOTHING * (latencyNanos - previous);
            }
            case FAILURE -> {
                // Logged once per ejection: requests refused while the endpoint is out are not worth a line each.
                if (breaker.onFailure()) {
                    LOG.warn(
                            "endpoint {} ejected for {} after repeated failures",
                            config.url(),
                            Durations.format(Duration.ofNanos(breaker.ejectNanos())));
                }
            }
            case NEUTRAL -> breaker.onNeutral();
        }
    }

    /** What a finished request says about the endpoint's health. */
    public enum Outcome {
        SUCCESS,
        FAILURE,
        NEUTRAL
    }
}
