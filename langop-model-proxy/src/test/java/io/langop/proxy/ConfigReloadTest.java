package io.langop.proxy;

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

class ConfigReloadTest {

    @TempDir
    Path dir;

    @Test
    void picksUpAChangedFileAndKeepsServingThroughABadOne() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1, 1)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             models:
               - name: first
                 endpoints: [{url: "%s"}]
             """.formatted(upstream.baseUrl()))) {
            assertThat(status(proxy, "first")).isEqualTo(200);
            assertThat(status(proxy, "second")).isEqualTo(404);

            proxy.rewriteConfig("""
          models:
            - name: first
              endpoints: [{url: "%s"}]
            - name: second
              endpoints: [{url: "%s"}]
          """.formatted(upstream.baseUrl(), upstream.baseUrl()));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status(proxy, "second") == 200);

            proxy.rewriteConfig("models: [{name: broken, routing: fastest}]");
            Thread.sleep(ProxyFixture.RELOAD_INTERVAL.multipliedBy(4).toMillis()); // several reload rounds pass
            assertThat(status(proxy, "second")).isEqualTo(200);
            assertThat(status(proxy, "broken")).isEqualTo(404);
            assertThat(proxy.usage()
                            .path("models")
                            .path("first")
                            .path("requests")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void usesARotatedUpstreamKeyWithoutARestart() throws Exception {
        Path key = dir.resolve("api-key");
        java.nio.file.Files.writeString(key, "sk-old\n");
        try (ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("x", 1, 1)));
                ProxyFixture proxy = new ProxyFixture(dir, """
             models:
               - name: m
                 apiKey: {file: %s}
                 endpoints: [{url: "%s"}]
             """.formatted(key, upstream.baseUrl()))) {
            status(proxy, "m");

            java.nio.file.Files.writeString(key, "sk-new\n");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                status(proxy, "m");
                return upstream.requests().getLast().header("Authorization").equals("Bearer sk-new");
            });

            assertThat(upstream.requests().getFirst().header("Authorization")).isEqualTo("Bearer sk-old");
        }
    }

    private static int status(ProxyFixture proxy, String model) {
        return proxy.post("/v1/chat/completions", OpenAiBodies.chatRequest(model, "hi"))
                .statusCode();
    }
}
