package io.langop.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.config.CircuitBreakerSettings;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.RoutingStrategy;
import io.langop.proxy.routing.Endpoint.Outcome;
import io.langop.proxy.routing.EndpointPool.Lease;
import io.langop.proxy.testing.FakeClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EndpointPoolTest {

    private final FakeClock clock = new FakeClock();

    private EndpointPool pool(RoutingStrategy strategy, int... weights) {
        List<EndpointConfig> configs = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            configs.add(new EndpointConfig(URI.create("http://e" + i + "/v1"), weights[i], null));
        }
        return new EndpointPool(
                strategy,
                configs,
                java.util.Collections.nCopies(weights.length, null),
                new CircuitBreakerSettings(2, Duration.ofSeconds(10)),
                clock);
    }

    private static String host(Lease lease) {
        return lease.endpoint().config().url().getHost();
    }

    private static Map<String, Integer> pickAndRelease(EndpointPool pool, int times) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < times; i++) {
            Lease lease = pool.acquire().orElseThrow();
            counts.merge(host(lease), 1, Integer::sum);
            lease.close(Outcome.SUCCESS, 1_000);
        }
        return counts;
    }

    @Test
    void roundRobinTakesTurns() {
        assertThat(pickAndRelease(pool(RoutingStrategy.ROUND_ROBIN, 100, 100, 100), 9))
                .isEqualTo(Map.of("e0", 3, "e1", 3, "e2", 3));
    }

    @Test
    void weightedSplitsExactlyByWeightAndSkipsZero() {
        assertThat(pickAndRelease(pool(RoutingStrategy.WEIGHTED, 60, 20, 20, 0), 50))
                .isEqualTo(Map.of("e0", 30, "e1", 10, "e2", 10));
    }

    @Test
    void weightedInterleavesInsteadOfBursting() {
        EndpointPool pool = pool(RoutingStrategy.WEIGHTED, 2, 1);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Lease lease = pool.acquire().orElseThrow();
            order.add(host(lease));
            lease.close(Outcome.SUCCESS, 1);
        }
        assertThat(order).containsExactly("e0", "e1", "e0", "e0", "e1", "e0");
    }

    @Test
    void leastConnectionsAvoidsBusyEndpoints() {
        EndpointPool pool = pool(RoutingStrategy.LEAST_CONNECTIONS, 100, 100, 100);
        Lease first = pool.acquire().orElseThrow();
        Lease second = pool.acquire().orElseThrow();
        Lease third = pool.acquire().orElseThrow();
        assertThat(List.of(host(first), host(second), host(third))).doesNotHaveDuplicates();

        second.close(Outcome.SUCCESS, 1);
        assertThat(host(pool.acquire().orElseThrow())).isEqualTo(host(second));
    }

    @Test
    void latencyBasedPrefersTheFastestAfterTryingEach() {
        EndpointPool pool = pool(RoutingStrategy.LATENCY_BASED, 100, 100);
        Lease a = pool.acquire().orElseThrow();
        a.close(Outcome.SUCCESS, Duration.ofMillis(200).toNanos());
        Lease b = pool.acquire().orElseThrow();
        assertThat(host(b)).isNotEqualTo(host(a));
        b.close(Outcome.SUCCESS, Duration.ofMillis(20).toNanos());

        assertThat(pickAndRelease(pool, 5)).isEqualTo(Map.of(host(b), 5));
    }

    @Test
    void randomUsesEveryEndpoint() {
        assertThat(pickAndRelease(pool(RoutingStrategy.RANDOM, 100, 100), 200)).containsOnlyKeys("e0", "e1");
    }

    @Test
    void ejectsAfterConsecutiveFailuresThenLetsOneProbeBack() {
        EndpointPool pool = pool(RoutingStrategy.ROUND_ROBIN, 100, 100);
        Endpoint failing = pool.endpoints().getFirst();
        for (int i = 0; i < 2; i++) {
            pool.endpoints().getFirst().tryAcquire();
            failing.release(Outcome.FAILURE, 1);
        }
        assertThat(failing.ejected()).isTrue();
        assertThat(pickAndRelease(pool, 4)).isEqualTo(Map.of("e1", 4));

        clock.advance(Duration.ofSeconds(10));
        Lease probe = pool.acquire().orElseThrow();
        Lease whileProbing = pool.acquire().orElseThrow();
        assertThat(List.of(host(probe), host(whileProbing))).containsExactlyInAnyOrder("e0", "e1");
        Lease probeLease = host(probe).equals("e0") ? probe : whileProbing;
        whileProbing.close(Outcome.SUCCESS, 1);
        if (probeLease != whileProbing) {
            assertThat(pickAndRelease(pool, 2)).isEqualTo(Map.of("e1", 2)); // no second probe while one is out
        }
        probeLease.close(Outcome.SUCCESS, 1);

        assertThat(failing.ejected()).isFalse();
        assertThat(pickAndRelease(pool, 4)).isEqualTo(Map.of("e0", 2, "e1", 2));
    }

    @Test
    void aFailedProbeEjectsAgain() {
        EndpointPool pool = pool(RoutingStrategy.ROUND_ROBIN, 100);
        for (int i = 0; i < 2; i++) {
            pool.acquire().orElseThrow().close(Outcome.FAILURE, 1);
        }
        assertThat(pool.acquire()).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        pool.acquire().orElseThrow().close(Outcome.FAILURE, 1);

        assertThat(pool.acquire()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(pool.acquire()).isPresent();
    }

    @Test
    void boundsRequestsInFlightPerEndpoint() throws Exception {
        EndpointPool pool = pool(RoutingStrategy.ROUND_ROBIN, 100);
        List<Lease> held = new ArrayList<>();
        for (int i = 0; i < Endpoint.MAX_IN_FLIGHT; i++) {
            Lease lease = pool.acquire().orElseThrow();
            assertThat(lease.awaitSlot(Duration.ofMillis(10))).isTrue();
            held.add(lease);
        }

        Lease waiting = pool.acquire().orElseThrow();
        assertThat(waiting.awaitSlot(Duration.ofMillis(20))).isFalse();
        waiting.close(Outcome.NEUTRAL, 0);
        held.getFirst().close(Outcome.SUCCESS, 1);

        assertThat(pool.acquire().orElseThrow().awaitSlot(Duration.ofMillis(20)))
                .isTrue();
    }
}
