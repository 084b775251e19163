package io.langop.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.langop.sdk.approval.Approval;
import io.langop.sdk.config.AgentConfig;
import io.langop.wire.PendingApprovals;
import io.langop.wire.ServiceWire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the model proxy, with the agent's own key, which tool calls wait for a person's approval, each time that
 * changes, so that the operator shows them in the LanguageAgent's status and posts an event. The whole list goes
 * each time, from one background thread that sends only the latest: a run never waits for the proxy, and a report
 * that is lost is mended by the next. The sender is a virtual thread, which does not keep the process alive.
 */
final class ApprovalReporter {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalReporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI approvals;
    private final String apiKey;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("approval-reporter").factory());
    private final AtomicReference<List<Approval>> latest = new AtomicReference<>();

    ApprovalReporter(HttpClient http, URI approvals, String apiKey) {
        this.http = http;
        this.approvals = approvals;
        this.apiKey = apiKey;
    }

    /** A reporter to the first model endpoint's proxy when runs are reported there too, else none. */
    static java.util.Optional<ApprovalReporter> of(AgentConfig config) {
        if (!config.reportRuns() || config.modelEndpoint().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ApprovalReporter(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
                config.modelEndpoint().get().resolve(ServiceWire.PROXY_APPROVALS_PATH),
                config.apiKey()));
    }

    /** Sends {@code pending} soon, unless a newer list comes first. Never blocks. */
    void pendingChanged(List<Approval> pending) {
        if (latest.getAndSet(pending) == null) {
            sender.execute(this::sendLatest);
        }
    }

    private void sendLatest() {
        List<Approval> pending = latest.getAndSet(null);
        if (pending == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(approvals)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(pending)))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn("the model proxy at {} refused the pending approvals: HTTP {}", approvals, status);
            }
        } catch (IOException e) {
            LOG.warn("the pending approvals did not reach the model proxy at {}: {}", approvals, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String body(List<Approval> pending) {
        ArrayNode list = JSON.createArrayNode();
        pending.stream()
                .limit(PendingApprovals.MAX_LISTED)
                .forEach(approval -> list.addObject()
                        .put(PendingApprovals.ID, approval.id())
                        .put(PendingApprovals.TOOL, approval.tool())
                        .put(
                                PendingApprovals.ARGUMENTS,
                                PendingApprovals.bounded(approval.arguments().toString()))
                        .put(PendingApprovals.DEADLINE, approval.deadline().toString()));
        return list.toString();
    }
}
