package io.langop.proxy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.ConnectionLimits;
import io.langop.proxy.gateway.Exchange;
import io.langop.proxy.gateway.Gateway;
import io.langop.proxy.gateway.ModelCalls;
import io.langop.proxy.gateway.ModelCalls.Operation;
import io.langop.proxy.gateway.ModelRuntime;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.proxy.report.UsageReport;
import io.langop.proxy.trace.ProxySpans;
import io.langop.proxy.trace.TracedExchange;
import io.langop.proxy.usage.ApprovalReports;
import io.langop.proxy.usage.RunReports;
import io.langop.proxy.usage.SharedUsage;
import io.langop.proxy.usage.UsageLedger;
import io.langop.server.metrics.MetricsExposition;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.wire.RunReport;
import io.langop.wire.ServiceWire;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible HTTP surface: {@code POST /v1/chat/completions}, {@code POST /v1/embeddings},
 * {@code GET /v1/models} and {@code GET /usage}, next to the probes ({@code /healthz}, {@code /readyz}) and
 * {@code /metrics}. Everything that goes wrong on the API answers OpenAI's error shape. Independent of the
 * HTTP server: {@link ProxyHttpServer} asks {@link #admit} about each request's head, reads the body of an admitted
 * one and calls {@link #handle} on a virtual thread.
 */
public final class ProxyApi {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyApi.class);
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACCEPTED = "{\"accepted\":true}".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<Gateway> gateway;
    private final ModelCalls calls;
    private final UsageLedger ledger;
    private final PrometheusMeterRegistry metrics;
    private final AtomicInteger inProgress = new AtomicInteger();

    public ProxyApi(Supplier<Gateway> gateway, ModelCalls calls, UsageLedger ledger, PrometheusMeterRegistry metrics) {
        this.gateway = gateway;
        this.calls = calls;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /** What one client address may hold now (the configuration can change it). */
    ConnectionLimits connectionLimits() {
        return gateway.get().config().connectionLimits();
    }

    /** Who may call a route when the proxy has client keys (without keys, everyone may call every route). */
    enum Access {
        EVERYONE,
        CLIENTS,
        /**
         * A key with {@code readsUsage}: usage and metrics name every client with its spending, which one agent has
         * no business reading of another.
         */
        USAGE_READERS
    }

    /** What the proxy serves at a path; every other path is refused before a byte of its body is read. */
    enum Route {
        CHAT("POST", Access.CLIENTS),
        EMBEDDINGS("POST", Access.CLIENTS),
        MODELS("GET", Access.CLIENTS),
        RUNS("POST", Access.CLIENTS),
        APPROVALS("POST", Access.CLIENTS),
        USAGE("GET", Access.USAGE_READERS),
        HEALTH("GET", Access.EVERYONE),
        READY("GET", Access.EVERYONE),
        METRICS("GET", Access.USAGE_READERS);

        private final String method;
        private final Access access;

        Route(String method, Access access) {
            this.method = method;
            this.access = access;
        }

        /** The route at {@code path} (without its query), or null. */
        static Route of(String path) {
            return switch (path) {
                case "/v1/chat/completions", "/chat/completions" -> CHAT;
                case "/v1/embeddings", "/embeddings" -> EMBEDDINGS;
                case "/v1/models", "/models" -> MODELS;
                case ServiceWire.PROXY_USAGE_PATH -> USAGE;
                case ServiceWire.PROXY_RUNS_PATH -> RUNS;
                case ServiceWire.PROXY_APPROVALS_PATH -> APPROVALS;
                case ServiceWire.HEALTH_PATH -> HEALTH;
                case ServiceWire.READY_PATH -> READY;
                case ServiceWire.METRICS_PATH -> METRICS;
                default -> null;
            };
        }

        private boolean takesBody() {
            return method.equals("POST");
        }
    }

    /** What the head of a request decides, before any of its body is read. */
    sealed interface Admission {
        record Refused(ApiError error) implements Admission {}

        /**
         * A request its head admits; its body may follow.
         *
         * @param client the client whose key the request carries; null when the route or the proxy needs no key
         * @param maxBodyBytes the largest body the request may send
         */
        record Admitted(Route route, ClientKey client, long maxBodyBytes) implements Admission {}
    }

    /**
     * Decides a request from its head alone: path, method and client key. Runs before the body is read, so a
     * client without a key (or asking for what is not served) never makes the proxy hold a body for it.
     */
    Admission admit(String method, String path, String authorization) {
        Route route = Route.of(path);
        if (route == null) {
            return new Admission.Refused(ApiError.notFound(path));
        }
        if (!route.method.equals(method)) {
            return new Admission.Refused(ApiError.methodNotAllowed(method, path));
        }
        Gateway current = gateway.get();
        ClientKey client = null;
        if (route.access != Access.EVERYONE && current.requiresClientKey()) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Admission.Refused(ApiError.invalidApiKey(
                        "You didn't provide an API key. Provide it in the Authorization header as 'Bearer <key>'."));
            }
            Optional<ClientKey> known =
                    current.client(authorization.substring(7).strip());
            if (known.isEmpty()) {
                return new Admission.Refused(ApiError.invalidApiKey("Incorrect API key provided."));
            }
            client = known.get();
            if (route.access == Access.USAGE_READERS && !client.mayReadUsage()) {
                return new Admission.Refused(ApiError.forbidden("This key may not read " + path + "."));
            }
        }
        return new Admission.Admitted(
                route, client, route.takesBody() ? current.config().maxRequestBytes() : 0);
    }

    /** Answers one admitted request, read whole; the exchange is complete when this returns. */
    public void handle(ApiRequest request, Exchange exchange) throws IOException {
        try {
            switch (request.route()) {
                case CHAT -> traced(request, exchange, Operation.CHAT);
                case EMBEDDINGS -> traced(request, exchange, Operation.EMBEDDINGS);
                case MODELS -> models(exchange);
                case RUNS -> run(request, exchange);
                case APPROVALS -> approvals(request, exchange);
                case USAGE -> usage(exchange);
                // The proxy holds no state that could make it unready: it is ready while it serves.
                case HEALTH, READY -> exchange.respond(200, "text/plain; charset=utf-8", Map.of(), OK);
                case METRICS -> {
                    MetricsExposition exposition = MetricsExposition.forAccept(request.accept());
                    exchange.respond(
                            200,
                            exposition.contentType(),
                            Map.of(),
                            exposition.scrape(metrics).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (RuntimeException e) {
            // A bug must not show the client a stack trace; the log has it.
            LOG.error("request to {} failed", request.path(), e);
            if (!exchange.committed()) {
                exchange.error(ApiError.serverError());
            }
        }
    }

    private void usage(Exchange exchange) throws IOException {
        UsageReport report;
        try {
            report = usage();
        } catch (SharedUsage.UnavailableException e) {
            exchange.error(ApiError.sharedUsageUnavailable(e.getMessage()));
            return;
        }
        exchange.json(200, Map.of(), Json.MAPPER.writeValueAsBytes(report));
    }

    /** The ledger's counters with the health of every endpoint as routing sees it now. */
    private UsageReport usage() {
        Map<String, List<UsageReport.EndpointHealth>> endpoints = new TreeMap<>();
        for (ModelRuntime model : gateway.get().models()) {
            endpoints.put(
                    model.name(),
                    model.pool().endpoints().stream()
                            .map(e -> new UsageReport.EndpointHealth(
                                    e.config().url().toString(), !e.ejected()))
                            .toList());
        }
        return ledger.snapshot().withEndpoints(endpoints);
    }

    /**
     * A run an agent reports having ended, counted under the key it presents: the runtime is where runs happen,
     * and the proxy is the one long-lived place that already knows each agent by its key (a scheduled agent's
     * pod is gone before anyone could ask it).
     */
    private void run(ApiRequest request, Exchange exchange) throws IOException {
        RunReport report;
        try {
            report = RunReports.parse(request.body());
        } catch (InvalidRequestException e) {
            exchange.error(e.error());
            return;
        }
        String client =
                request.client() == null ? Gateway.ANONYMOUS : request.client().name();
        ledger.recordRun(client, report);
        exchange.json(202, Map.of(), ACCEPTED);
    }

    /**
     * The tool calls an agent says wait for a person's approval now, kept under the key it presents (the latest
     * list replaces the one before) for the operator, which shows them in the agent's status.
     */
    private void approvals(ApiRequest request, Exchange exchange) throws IOException {
        List<UsageReport.PendingApproval> pending;
        try {
            pending = ApprovalReports.parse(request.body());
        } catch (InvalidRequestException e) {
            exchange.error(e.error());
            return;
        }
        String client =
                request.client() == null ? Gateway.ANONYMOUS : request.client().name();
        ledger.recordApprovals(client, pending);
        exchange.json(202, Map.of(), ACCEPTED);
    }

    private void models(Exchange exchange) throws IOException {
        Gateway current = gateway.get();
        ObjectNode list = Json.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (ModelRuntime model : current.models()) {
            data.addObject()
                    .put("id", model.name())
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", model.config().provider().wireName());
        }
        exchange.json(200, Map.of(), Json.bytes(list));
    }

    /** A model call as the server span of the caller's trace; the upstream attempts are its children. */
    private void traced(ApiRequest request, Exchange exchange, Operation operation) throws IOException {
        try (SpanScope span = SpanScope.start(ProxySpans.request(request.method(), request.path(), request.caller()))) {
            if (request.client() != null) {
                span.span()
                        .setAttribute(
                                TraceAttributes.PROXY_CLIENT, request.client().name());
            }
            admitted(request, new TracedExchange(exchange, span), operation);
        }
    }

    private void admitted(ApiRequest request, Exchange exchange, Operation operation) throws IOException {
        int limit = gateway.get().config().maxRequestsInProgress();
        if (inProgress.incrementAndGet() > limit) {
            inProgress.decrementAndGet();
            ledger.recordError(
                    "unknown",
                    request.client() == null
                            ? Gateway.ANONYMOUS
                            : request.client().name(),
                    503);
            exchange.error(ApiError.overloaded(limit));
            return;
        }
        try {
            post(request, exchange, operation);
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private void post(ApiRequest request, Exchange exchange, Operation operation) throws IOException {
        byte[] body = request.body();
        JsonNode parsed;
        try {
            parsed = Json.read(body);
        } catch (JsonProcessingException e) {
            exchange.error(ApiError.invalidRequest(
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage(),
                    null,
                    "invalid_json"));
            return;
        }
        try {
            if (parsed == null || parsed.isMissingNode()) {
                throw InvalidRequestException.of("The request body is empty; it must be a JSON object.", null);
            }
            ModelCalls.validate(operation, parsed);
        } catch (InvalidRequestException e) {
            exchange.error(e.error());
            return;
        }
        calls.serve(operation, (ObjectNode) parsed, body.length, request.client(), exchange);
    }
}
