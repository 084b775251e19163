package io.langop.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.agent.trigger.EventJournal;
import io.langop.agent.trigger.WebhookEndpoint;
import io.langop.agent.trigger.WebhookEndpoint.Reception;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.RunOutcome;
import io.langop.trace.TraceHeaders;
import io.langop.wire.AgentTriggers;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Event-driven mode: each webhook trigger at its path ({@link WebhookEndpoint}). A delivery is authenticated (else
 * 401), read as a CloudEvent or a plain body (a broken CloudEvent: 400), held to the trigger's filter and condition
 * (held back: 200, no run), then kept in the {@link EventJournal} before the answer 202; a repeated delivery is
 * answered 200 and starts nothing, a full journal 429 with {@code Retry-After}. One worker runs the kept events one
 * at a time, oldest first, so that budgets and the workspace are not shared by concurrent runs; before a run, the
 * event's delivery is claimed among the agent's replicas ({@link EventJournal#claim}), and one another replica claimed
 * first is not run. A run that is stuck ends the process ({@link ExitStatus#RUN_STUCK}); its event is run again after
 * the restart.
 */
final class WebhookServlet extends HttpServlet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = AgentTriggers.MAX_BODY_BYTES;
    /** How long {@link #close} lets the run in progress finish before it interrupts it. */
    private static final Duration RUN_FINISH = Duration.ofSeconds(10);

    private final transient AgentRunner runner;
    private final Map<String, WebhookEndpoint> endpoints;
    private final transient EventJournal journal;
    private final transient RunMetrics metrics;
    private final transient AgentMeters meters;
    private final transient RunDurations durations = new RunDurations();
    private final transient Thread worker;
    private volatile boolean closing;
    private volatile boolean running;

    WebhookServlet(
            AgentRunner runner,
            Map<String, WebhookEndpoint> endpoints,
            EventJournal journal,
            RunMetrics metrics,
            AgentMeters meters) {
        this.runner = runner;
        this.endpoints = Map.copyOf(endpoints);
        this.journal = journal;
        this.metrics = metrics;
        this.meters = meters;
        this.worker = Thread.ofVirtual().name("webhook-run").start(this::work);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        WebhookEndpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            reply(response, 404, error("no webhook trigger at " + path));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            reply(response, 413, error("event payload larger than 1 MiB"));
            return;
        }
        Map<String, String> headers = headers(request);
        switch (endpoint.receive(headers, body)) {
            case Reception.Unauthorized refused -> {
                LOG.warn("Webhook {} refused: {}", path, refused.reason());
                reply(response, 401, error("missing or invalid signature"));
            }
            case Reception.Malformed malformed -> reply(response, 400, error(malformed.reason()));
            case Reception.Ignored ignored -> {
                LOG.info("Webhook {}: event held back, {}", path, ignored.reason());
                reply(
                        response,
                        200,
                        JSON.createObjectNode().put("started", false).put("reason", ignored.reason()));
            }
            case Reception.Accepted accepted -> offer(accepted, headers, response);
        }
    }

    private void offer(Reception.Accepted accepted, Map<String, String> headers, HttpServletResponse response)
            throws IOException {
        Map<String, String> trace = new HashMap<>();
        for (String name : new String[] {TraceHeaders.TRACEPARENT, TraceHeaders.TRACESTATE}) {
            Optional.ofNullable(headers.get(name)).ifPresent(value -> trace.put(name, value));
        }
        switch (journal.offer(accepted.deliveryId(), accepted.source(), accepted.event(), trace)) {
            case EventJournal.Offer.Queued queued -> {
                LOG.info("Accepted event {} at {}", queued.event().id(), accepted.source());
                reply(
                        response,
                        202,
                        JSON.createObjectNode()
                                .put("event", queued.event().id())
                                .put("queued", queued.waiting()));
            }
            case EventJournal.Offer.Duplicate duplicate -> {
                LOG.info("Event {} delivered again: no second run", duplicate.deliveryId());
                meters.repeatedDelivery(AgentMeters.SEEN_BY_THIS_REPLICA);
                reply(
                        response,
                        200,
                        JSON.createObjectNode()
                                .put("event", duplicate.deliveryId())
                                .put("started", false)
                                .put("reason", "delivered before"));
            }
            case EventJournal.Offer.Full full -> {
                response.setHeader(
                        "Retry-After", Long.toString(durations.retryAfter().toSeconds()));
                reply(response, 429, error(full.capacity() + " events wait already"));
            }
        }
    }

    /** Runs the kept events one by one until the agent stops or a run is stuck. */
    private void work() {
        while (!closing) {
            EventJournal.Pending pending;
            try {
                pending = journal.take();
            } catch (InterruptedException stopping) {
                return;
            }
            try {
                if (!journal.claim(pending)) {
                    meters.repeatedDelivery(AgentMeters.SEEN_BY_ANOTHER_REPLICA);
                    continue;
                }
            } catch (InterruptedException stopping) {
                journal.abandoned(pending);
                return;
            }
            running = true;
            long started = System.nanoTime();
            try (Scope traced = TraceHeaders.extract(pending.trace()).makeCurrent();
                    var logged = MDC.putCloseable("event", pending.event().id())) {
                RunOutcome outcome = runner.run(pending.event());
                durations.record(Duration.ofNanos(System.nanoTime() - started));
                metrics.record(outcome);
                if (outcome instanceof RunOutcome.Stuck stuck) {
                    // the event stays kept: the next process runs it again (a bounded number of times)
                    ProcessExit.end(ExitStatus.RUN_STUCK, stuck.reason());
                    return;
                }
                journal.done(pending);
            } catch (InterruptedException shutdown) {
                LOG.warn(
                        "Run for event {} interrupted by shutdown: it runs again after the restart",
                        pending.event().id());
                journal.abandoned(pending);
                return;
            } catch (RuntimeException failed) {
                LOG.error("Run for event {} failed", pending.event().id(), failed);
                journal.done(pending);
            } finally {
                running = false;
            }
        }
    }

    /** The trigger's path: {@code /webhook} or {@code /webhook/<name>}, without a trailing slash. */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath()
                + Optional.ofNullable(request.getPathInfo()).orElse("");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void reply(HttpServletResponse response, int status, ObjectNode json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(json.toString());
    }

    /** Lets the run in progress finish (bounded), then interrupts it; kept events wait for the next process. */
    @Override
    public void close() {
        closing = true;
        if (!running) {
            worker.interrupt();
        }
        try {
            if (!worker.join(RUN_FINISH)) {
                worker.interrupt();
                worker.join(RUN_FINISH);
            }
        } catch (InterruptedException interrupted) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How long runs take, for the {@code Retry-After} of a full journal: the time one waiting event needs to make room.
     */
    private static final class RunDurations {
        private static final Duration FIRST_GUESS = Duration.ofSeconds(10);
        private static final Duration LONGEST = Duration.ofMinutes(5);
        private double averageSeconds = -1;

        synchronized void record(Duration run) {
            double seconds = run.toMillis() / 1000.0;
            averageSeconds = averageSeconds < 0 ? seconds : 0.8 * averageSeconds + 0.2 * seconds;
        }

        synchronized Duration retryAfter() {
            if (averageSeconds < 0) {
                return FIRST_GUESS;
            }
            long seconds = (long) Math.ceil(averageSeconds);
            return Duration.ofSeconds(Math.clamp(seconds, 1, LONGEST.toSeconds()));
        }
    }
}
