package io.langop.proxy.routing;

import io.langop.proxy.config.CircuitBreakerSettings;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.RoutingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** A model's endpoints and the strategy that picks one per attempt, skipping ejected ones. */
public final class EndpointPool {

    private final RoutingStrategy strategy;
    private final List<Endpoint> endpoints;
    private final AtomicInteger next = new AtomicInteger();

    /** @param apiKeys the upstream key of each endpoint, in the same order (null where none is needed) */
    public EndpointPool(
            RoutingStrategy strategy,
            List<EndpointConfig> configs,
            List<String> apiKeys,
            CircuitBreakerSettings breaker,
            LongSupplier clock) {
        this.strategy = strategy;
        List<Endpoint> built = new ArrayList<>(configs.size());
        for (int i = 0; i < configs.size(); i++) {
            built.add(new Endpoint(configs.get(i), apiKeys.get(i), new CircuitBreaker(breaker, clock)));
        }
        this.endpoints = List.copyOf(built);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /**
     * Picks an endpoint and counts the request as in flight on it; the caller must
     * {@link Lease#close(Endpoint.Outcome) close} the lease.
     *
     * @return empty when every endpoint is ejected
     */
    public Optional<Lease> acquire() {
        for (Endpoint candidate : preferenceOrder()) {
            if (candidate.tryAcquire()) {
                return Optional.of(new Lease(candidate));
            }
        }
        return Optional.empty();
    }

    private List<Endpoint> preferenceOrder() {
        if (endpoints.size() == 1) {
            return endpoints;
        }
        return switch (strategy) {
            case ROUND_ROBIN -> rotated(Math.floorMod(next.getAndIncrement(), endpoints.size()));
            case RANDOM -> rotated(ThreadLocalRandom.current().nextInt(endpoints.size()));
            case WEIGHTED -> weighted();
            case LEAST_CONNECTIONS -> sorted(Comparator.comparingInt(Endpoint::inFlight));
            // Untried endpoints (negative average) sort first so every endpoint gets measured.
            case LATENCY_BASED -> sorted(Comparator.comparingDouble(Endpoint::averageLatencyNanos));
        };
    }

    private List<Endpoint> rotated(int start) {
        List<Endpoint> order = new ArrayList<>(endpoints.size());
        for (int i = 0; i < endpoints.size(); i++) {
            order.add(endpoints.get((start + i) % endpoints.size()));
        }
        return order;
    }

    /** Ties keep a rotating order so equal endpoints share the load. */
    private List<Endpoint> sorted(Comparator<Endpoint> preference) {
        List<Endpoint> order = rotated(Math.floorMod(next.getAndIncrement(), endpoints.size()));
        order.sort(preference);
        return order;
    }

    /**
     * Smooth weighted round-robin (as in nginx): each pick adds every weight to its endpoint's current weight,
     * takes the highest, and subtracts the total from it — an exact share over every window of total-weight
     * picks. The rest follow in weight order as alternatives when the chosen one is ejected.
     */
    private synchronized List<Endpoint> weighted() {
        int total = 0;
        Endpoint best = null;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.weight() == 0) {
                continue;
            }
            endpoint.currentWeight(endpoint.currentWeight() + endpoint.weight());
            total += endpoint.weight();
            if (best == null || endpoint.currentWeight() > best.currentWeight()) {
                best = endpoint;
            }
        }
        List<Endpoint> order = new ArrayList<>(endpoints.size());
        if (best != null) {
            best.currentWeight(best.currentWeight() - total);
            order.add(best);
        }
        endpoints.stream()
                .filter(e -> e.weight() > 0 && !order.contains(e))
                .sorted(Comparator.comparingInt(Endpoint::weight).reversed())
                .forEach(order::add);
        return order;
    }

    /** One attempt's hold on an endpoint. */
    public static final class Lease {
        private final Endpoint endpoint;
        private boolean holdsSlot;

        Lease(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        public Endpoint endpoint() {
            return endpoint;
        }

        /**
         * Waits until the endpoint has fewer than {@link Endpoint#MAX_IN_FLIGHT} requests in flight.
         *
         * @return false when that did not happen within {@code timeout}
         */
        public boolean awaitSlot(Duration timeout) throws InterruptedException {
            holdsSlot = endpoint.awaitSlot(timeout);
            return holdsSlot;
        }

        /**
         * Gives the endpoint back, reporting how the request went.
         *
         * @param latencyNanos time until the upstream answered (its headers), what latency routing compares
         */
        public void close(Endpoint.Outcome outcome, long latencyNanos) {
            if (holdsSlot) {
                holdsSlot = false;
                endpoint.releaseSlot();
            }
            endpoint.release(outcome, latencyNanos);
        }
    }
}
