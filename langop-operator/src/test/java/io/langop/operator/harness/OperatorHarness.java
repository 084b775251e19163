package io.langop.operator.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javaoperatorsdk.operator.Operator;
import io.langop.operator.LangopOperator;
import io.langop.operator.OperatorSettings;
import io.langop.operator.egress.HostResolver;
import io.langop.operator.reach.ServiceLocator;
import io.langop.server.metrics.MeterRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real operator, as production assembles it, running against a {@link MockApiServer}: informers
 * list and watch over HTTP, dependents create and update objects with real requests.
 */
public final class OperatorHarness implements AutoCloseable {

    // a reconcile between two writes can take over half a second on a loaded 2-core machine
    private static final Duration SETTLED = Duration.ofMillis(1500);

    private final MockApiServer api;
    private final OperatorSettings settings;
    private final HostResolver resolver;
    private final ServiceLocator services;
    private Operator operator;
    /** The operator's meters, kept across {@link #restart()} as a process's registry is not. */
    private final PrometheusMeterRegistry meters = MeterRegistries.prometheus();

    /**
     * No Service answers: tool servers are never listed. Port 1 of loopback refuses at once (nothing listens
     * on a privileged port on a test machine), so a listing costs no wait.
     */
    public static final ServiceLocator NO_SERVICES = (namespace, service, port) -> URI.create("http://127.0.0.1:1");

    private OperatorHarness(
            MockApiServer api, OperatorSettings settings, HostResolver resolver, ServiceLocator services) {
        this.api = api;
        this.settings = settings;
        this.resolver = resolver;
        this.services = services;
        this.operator = startOperator();
    }

    public static OperatorHarness start(OperatorSettings settings, HostResolver resolver) {
        return start(MockApiServer.start(), settings, resolver);
    }

    /** The operator against {@code api}, so a test can mark the request log before the operator's first request. */
    public static OperatorHarness start(MockApiServer api, OperatorSettings settings, HostResolver resolver) {
        return new OperatorHarness(api, settings, resolver, NO_SERVICES);
    }

    /** The operator reaching Services where {@code services} says: tool servers and model proxies run in the test. */
    public static OperatorHarness start(OperatorSettings settings, HostResolver resolver, ServiceLocator services) {
        return start(MockApiServer.start(), settings, resolver, services);
    }

    public static OperatorHarness start(
            MockApiServer api, OperatorSettings settings, HostResolver resolver, ServiceLocator services) {
        return new OperatorHarness(api, settings, resolver, services);
    }

    /** Stops the operator and starts a fresh one (nothing kept in memory) against the same API server. */
    public void restart() {
        operator.stop();
        operator = startOperator();
    }

    /** Stops the operator as a crashed or replaced operator process stops; {@link #resume} starts a new one. */
    public void pause() {
        operator.stop();
    }

    /** Starts a new operator after {@link #pause}. */
    public void resume() {
        operator = startOperator();
    }

    private Operator startOperator() {
        Operator started = LangopOperator.create(api.client(), settings, meters, null, resolver, services);
        started.start();
        return started;
    }

    /** The meters the operator registered, as its {@code /metrics} would serve them. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public MockApiServer api() {
        return api;
    }

    public io.fabric8.kubernetes.client.KubernetesClient client() {
        return api.client();
    }

    /**
     * Waits until the operator stops writing, then checks it stays silent: a converged operator must
     * make no write requests while nothing changes.
     */
    public void assertNoWritesWhileIdle(Duration idle) {
        ApiRequests requests = api.requests();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> requests.noWritesFor(SETTLED));
        int mark = requests.mark();
        try {
            await().during(idle)
                    .atMost(idle.plusSeconds(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> requests.writesSince(mark).isEmpty());
        } catch (ConditionTimeoutException e) {
            // reported below, naming the writes
        }
        List<ApiRequests.Request> writes = requests.writesSince(mark);
        assertThat(writes).as("writes while idle").isEmpty();
    }

    @Override
    public void close() {
        operator.stop();
        api.close();
    }
}
