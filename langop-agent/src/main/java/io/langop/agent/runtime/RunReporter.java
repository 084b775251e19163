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
 * Tells the model proxy how each run (and chat turn) ended, with the agent's own key and the version of its code, so
 * that the operator reads executions and successes where it reads tokens and cost, and tells when new code fails its
 * first runs. Best effort: a report that cannot be delivered is logged and the run's outcome stands (the proxy then
 * counts one run fewer).
 */
class RunReporter {

    /** A report is a few bytes; a proxy that does not answer in this time is not waited for longer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RunReporter.class);

    static final RunReporter NONE = new RunReporter(null, null, null, null);

    private final HttpClient http;
    private final URI runs;
    private final String apiKey;
    private final String codeHash;

    private RunReporter(HttpClient http, URI runs, String apiKey, String codeHash) {
        this.http = http;
        this.runs = runs;
        this.apiKey = apiKey;
        this.codeHash = codeHash;
    }

    /** Reports to the first model endpoint's proxy when {@code AGENT_REPORT_RUNS} is on, else not at all. */
    static RunReporter of(AgentConfig config) {
        if (!config.reportRuns() || config.modelEndpoint().isEmpty()) {
            return NONE;
        }
        return new RunReporter(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
                config.modelEndpoint().get().resolve(ServiceWire.PROXY_RUNS_PATH),
                config.apiKey(),
                config.codeHash().orElse(null));
    }

    /**
     * Reports a run's end and waits for the proxy's answer: a scheduled agent's process ends after its run.
     *
     * @param failure why the run did not succeed, or null
     */
    void report(String result, boolean succeeded, String failure) {
        if (http == null) {
            return;
        }
        try {
            answered(http.send(request(result, succeeded, failure), HttpResponse.BodyHandlers.discarding()));
        } catch (IOException e) {
            undelivered(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reports a chat turn's end without holding up the answer, which the client waits for. */
    // whenComplete handles every outcome of the send; the future it returns has nothing more to say
    @SuppressWarnings("FutureReturnValueIgnored")
    void reportLater(String result, boolean succeeded, String failure) {
        if (http == null) {
            return;
        }
        http.sendAsync(request(result, succeeded, failure), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failed) -> {
                    if (failed != null) {
                        undelivered(failed);
                    } else {
                        answered(response);
                    }
                });
    }

    private HttpRequest request(String result, boolean succeeded, String failure) {
        return HttpRequest.newBuilder(runs)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new RunReport(result, succeeded, codeHash, failure).toJson()))
                .build();
    }

    private void answered(HttpResponse<?> response) {
        if (response.statusCode() / 100 != 2) {
            LOG.warn("the model proxy at {} refused the run's report: HTTP {}", runs, response.statusCode());
        }
    }

    private void undelivered(Throwable failure) {
        LOG.warn("the run's report did not reach the model proxy at {}: {}", runs, failure.toString());
    }
}
