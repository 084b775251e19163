package io.langop.agent.runtime;

import io.langop.sdk.config.AgentConfig;
import io.langop.wire.RunReport;
import io.langop.wire.ServiceWire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the model proxy how each run ended, with the agent's own key, so that the operator reads executions
 * and successes where it reads tokens and cost. Best effort: a report that cannot be delivered is logged and
 * the run's outcome stands (the proxy then counts one run fewer).
 */
class RunReporter {

    /** A report is a few bytes; a proxy that does not answer in this time is not waited for longer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RunReporter.class);

    static final RunReporter NONE = new RunReporter(null, null, null);

    private final HttpClient http;
    private final URI runs;
    private final String apiKey;

    private RunReporter(HttpClient http, URI runs, String apiKey) {
        this.http = http;
        this.runs = runs;
        this.apiKey = apiKey;
    }

    /** Reports to the first model endpoint's proxy when {@code AGENT_REPORT_RUNS} is on, else not at all. */
    static RunReporter of(AgentConfig config) {
        if (!config.reportRuns() || config.modelEndpoint().isEmpty()) {
            return NONE;
        }
        return new RunReporter(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
                config.modelEndpoint().get().resolve(ServiceWire.PROXY_RUNS_PATH),
                config.apiKey());
    }

    void report(RunReport report) {
        if (http == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(runs)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report.toJson()))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn("the model proxy at {} refused the run's report: HTTP {}", runs, status);
            }
        } catch (IOException e) {
            LOG.warn("the run's report did not reach the model proxy at {}: {}", runs, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
