package io.langop.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.Event;
import io.langop.sdk.agent.RunOutcome;
import io.langop.sdk.workflow.StepResults;
import io.langop.trace.TraceHeaders;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event-driven mode: {@code POST /webhook} accepts an event and starts a run with the payload as
 * {@code {event}} (JSON bodies stay structured). Runs are queued and executed one at a time so that
 * budgets and the workspace are not shared by concurrent runs. With a secret configured, requests
 * must carry a valid {@code X-Langop-Signature} or {@code X-Hub-Signature-256} HMAC. A run that is stuck
 * ends the process ({@link ExitStatus#RUN_STUCK}).
 */
final class WebhookServlet extends HttpServlet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final AgentRunner runner;
    private final Optional<WebhookSignature> signature;
    private final RunMetrics metrics;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("webhook-run").factory());
    private final AtomicInteger pending = new AtomicInteger();

    WebhookServlet(AgentRunner runner, Optional<String> secret, RunMetrics metrics) {
        this.runner = runner;
        this.signature = secret.map(WebhookSignature::new);
        this.metrics = metrics;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            reply(response, 413, "{\"error\":\"event payload larger than 1 MiB\"}");
            return;
        }
        if (signature.isPresent()) {
            String header = Optional.ofNullable(request.getHeader("X-Langop-Signature"))
                    .orElse(request.getHeader("X-Hub-Signature-256"));
            if (!signature.get().verify(body, header)) {
                LOG.warn("Webhook refused: {} signature", header == null ? "missing" : "invalid");
                reply(response, 401, "{\"error\":\"missing or invalid signature\"}");
                return;
            }
        }
        Event event = Event.received(Event.WEBHOOK, StepResults.parseOrText(new String(body, StandardCharsets.UTF_8)));
        Context sender = TraceHeaders.extract(request::getHeader); // the run continues the sender's trace
        pending.incrementAndGet();
        queue.execute(() -> {
            try (Scope traced = sender.makeCurrent()) {
                RunOutcome outcome = runner.run(event);
                metrics.record(outcome);
                if (outcome instanceof RunOutcome.Stuck stuck) {
                    ProcessExit.end(ExitStatus.RUN_STUCK, stuck.reason()); // the queued events are lost with it
                }
            } catch (InterruptedException interrupted) {
                LOG.warn("Run for event {} interrupted by shutdown", event.id());
            } finally {
                pending.decrementAndGet();
            }
        });
        LOG.info("Accepted event {}", event.id());
        reply(
                response,
                202,
                JSON.createObjectNode()
                        .put("event", event.id())
                        .put("queued", pending.get())
                        .toString());
    }

    private static void reply(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(json);
    }

    /** Lets the run in progress finish (bounded), then interrupts it. */
    @Override
    public void close() {
        queue.shutdown();
        try {
            if (!queue.awaitTermination(10, TimeUnit.SECONDS)) {
                queue.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            queue.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
