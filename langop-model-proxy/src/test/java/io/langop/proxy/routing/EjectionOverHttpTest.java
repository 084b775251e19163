package io.langop.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EjectionOverHttpTest {

    @TempDir
    Path dir;

    @Test
    void ejectsAFailingEndpointAndProbesItBack() {
        try (ScriptedUpstream sick =
                        new ScriptedUpstream(Behaviour.json(503, OpenAiBodies.error("down", "server_error")));
                ScriptedUpstream healthy =
                        new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("ok", 1, 1)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             models:
               - name: m
                 routing: round-robin
                 endpoints: [{url: "%s"}, {url: "%s"}]
                 retry: {maxAttempts: 2, initialBackoff: 1ms}
                 circuitBreaker: {failureThreshold: 2, ejectFor: 400ms}
             """.formatted(sick.baseUrl(), healthy.baseUrl()))) {
            for (int i = 0; i < 10; i++) {
                assertThat(proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"))
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(sick.requests()).hasSize(2); // then ejected: no client request paid for it again

            sick.always(Behaviour.json(200, OpenAiBodies.completion("recovered", 1, 1)));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"))
                            .body()
                            .contains("recovered"));
            int before = sick.requests().size();
            for (int i = 0; i < 4; i++) {
                proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest("m", "hi"));
            }
            assertThat(sick.requests().size() - before).isEqualTo(2); // back in the rotation
        }
    }
}
