package io.langop.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.OperatorHarness;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --namespaces} really limits what the operator touches. */
class WatchedNamespacesTest {

    private static OperatorHarness operator;
    private static KubernetesClient client;

    @BeforeAll
    static void startOperator() {
        operator = OperatorHarness.start(OperatorSettings.defaults().withNamespaces(Set.of("watched")), host -> {
            throw new UnknownHostException(host);
        });
        client = operator.client();
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    @Test
    void reconcilesOnlyTheWatchedNamespaces() {
        KubernetesClient user = operator.api().newClient("langop-test");
        for (String ns : new String[] {"ignored", "watched"}) {
            user.resource(Fixtures.model(ns, "m")).create();
            user.resource(Fixtures.agent(ns, "a", "m")).create();
        }
        await().until(() -> client.apps()
                        .deployments()
                        .inNamespace("watched")
                        .withName("a-agent")
                        .get()
                != null);
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(1));

        assertThat(client.apps().deployments().inNamespace("ignored").list().getItems())
                .isEmpty();
        assertThat(client.resources(LanguageAgent.class)
                        .inNamespace("ignored")
                        .withName("a")
                        .get()
                        .getStatus())
                .isNull();
        assertThat(operator.api().requests().all())
                .filteredOn(r -> r.isWrite()
                        && r.path().contains("/namespaces/ignored/")
                        && !"langop-test".equals(r.userAgent()))
                .isEmpty();
        assertThat(operator.api().requests().all())
                .filteredOn(r -> r.isWrite()
                        && r.path().contains("/namespaces/watched/")
                        && !"langop-test".equals(r.userAgent()))
                .isNotEmpty();
    }
}
