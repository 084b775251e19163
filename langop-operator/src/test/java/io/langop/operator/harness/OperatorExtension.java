package io.langop.operator.harness;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.operator.OperatorSettings;
import io.langop.operator.egress.HostResolver;
import io.langop.operator.reach.ServiceLocator;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one {@link OperatorHarness} (the real operator against a fresh mock API
 * server) for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OperatorExtension operator = OperatorExtension.withDefaults()
 *     .resolving(host -> List.of(InetAddress.getByName("203.0.113.7")));
 * }</pre>
 *
 * Started before the first test, stopped after the last; tests share it, so each uses its own
 * namespaces. Without {@link #resolving}, no host name resolves (egress names fail closed); without
 * {@link #reaching}, no Service answers (tool servers are never listed).
 */
public final class OperatorExtension implements BeforeAllCallback, AfterAllCallback {

    /** A resolver for which no name exists. */
    public static final HostResolver NOTHING_RESOLVES = host -> {
        throw new UnknownHostException(host);
    };

    private final OperatorSettings settings;
    private final HostResolver resolver;
    private final ServiceLocator services;
    private OperatorHarness harness;

    private OperatorExtension(OperatorSettings settings, HostResolver resolver, ServiceLocator services) {
        this.settings = settings;
        this.resolver = resolver;
        this.services = services;
    }

    public static OperatorExtension withDefaults() {
        return with(OperatorSettings.defaults());
    }

    public static OperatorExtension with(OperatorSettings settings) {
        return new OperatorExtension(settings, NOTHING_RESOLVES, OperatorHarness.NO_SERVICES);
    }

    /** The same operator, resolving egress host names with {@code hostResolver}. */
    public OperatorExtension resolving(HostResolver hostResolver) {
        return new OperatorExtension(settings, hostResolver, services);
    }

    /** The same operator, reaching Services (tool servers, model proxies) where {@code locator} says. */
    public OperatorExtension reaching(ServiceLocator locator) {
        return new OperatorExtension(settings, resolver, locator);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        harness = OperatorHarness.start(settings, resolver, services);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }

    public OperatorHarness harness() {
        if (harness == null) {
            throw new IllegalStateException("the operator runs from beforeAll to afterAll of the test class");
        }
        return harness;
    }

    public KubernetesClient client() {
        return harness().client();
    }

    public MockApiServer api() {
        return harness().api();
    }

    public void restart() {
        harness().restart();
    }

    public void assertNoWritesWhileIdle(Duration idle) {
        harness().assertNoWritesWhileIdle(idle);
    }
}
