package io.langop.agent.runtime;

import io.langop.sdk.config.AgentConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, before the first run, until the model proxy accepts the agent's key. The operator gives a new agent a
 * new key and writes its hash into the proxy's ConfigMap; the kubelet brings a changed ConfigMap into the proxy's
 * volume within a minute or two, and until then the proxy answers 401, which would fail the agent's first run.
 */
final class ProxyKeyWait {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyKeyWait.class);
    private static final Duration ASK_EVERY = Duration.ofSeconds(1);

    private ProxyKeyWait() {}

    /**
     * Asks {@code GET /v1/models} with the agent's key until it is not refused with 401 (any other answer, or no
     * answer, is the run's business) or {@code patience} passed.
     */
    static void await(AgentConfig config, Duration patience) throws InterruptedException {
        if (!config.reportRuns() || config.modelEndpoint().isEmpty()) {
            return;
        }
        URI models = URI.create(config.modelEndpoint().get().toString().replaceAll("/+$", "") + "/models");
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(ASK_EVERY.multipliedBy(5))
                .build();
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            int status = status(http, models, config.apiKey());
            if (status != 401) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("the model proxy at {} still refuses this agent's key after {}", models, patience);
                return;
            }
            if (!told) {
                LOG.info("waiting for the model proxy at {} to accept this agent's key", models);
                told = true;
            }
            Thread.sleep(ASK_EVERY);
        }
    }

    private static int status(HttpClient http, URI models, String key) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(models)
                                    .timeout(ASK_EVERY.multipliedBy(5))
                                    .header("Authorization", "Bearer " + key)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException unreachable) {
            return 0;
        }
    }
}
