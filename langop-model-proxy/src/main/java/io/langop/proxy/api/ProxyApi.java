package io.langop.proxy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.gateway.Exchange;
import io.langop.proxy.gateway.Gateway;
import io.langop.proxy.gateway.ModelCalls;
import io.langop.proxy.gateway.ModelCalls.Operation;
import io.langop.proxy.gateway.ModelRuntime;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.proxy.usage.UsageLedger;
import io.langop.wire.ServiceWire;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible HTTP surface: {@code POST /v1/chat/completions}, {@code POST /v1/embeddings},
 * {@code GET /v1/models} and {@code GET /usage}, next to the probes ({@code /healthz}, {@code /readyz}) and
 * {@code /metrics}. Everything that goes wrong on the API answers OpenAI's error shape. Independent of the
 * HTTP server: {@link ProxyHttpServer} reads each request whole and calls {@link #handle} on a virtual thread.
 */
public final class ProxyApi {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyApi.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

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

    /** Largest request body accepted now (the configuration can change it). */
    long maxRequestBytes() {
        return gateway.get().config().maxRequestBytes();
    }

    /** Answers one request read whole; the exchange is complete when this returns. */
    public void handle(ApiRequest request, Exchange exchange) throws IOException {
        String path = request.path();
        try {
            switch (path) {
                case "/v1/chat/completions", "/chat/completions" -> admitted(request, exchange, Operation.CHAT);
                case "/v1/embeddings", "/embeddings" -> admitted(request, exchange, Operation.EMBEDDINGS);
                case "/v1/models", "/models" -> get(request, exchange, () -> models(request, exchange));
                case "/usage" ->
                    get(
                            request,
                            exchange,
                            () -> exchange.json(200, Map.of(), Json.MAPPER.writeValueAsBytes(ledger.snapshot())));
                // The proxy holds no state that could make it unready: it is ready while it serves.
                case ServiceWire.HEALTH_PATH, ServiceWire.READY_PATH ->
                    get(request, exchange, () -> exchange.respond(200, "text/plain; charset=utf-8", Map.of(), OK));
                case "/metrics" ->
                    get(
                            request,
                            exchange,
                            () -> exchange.respond(
                                    200,
                                    PROMETHEUS_TEXT,
                                    Map.of(),
                                    metrics.scrape().getBytes(StandardCharsets.UTF_8)));
                default -> exchange.error(ApiError.notFound(path));
            }
        } catch (RuntimeException e) {
            // A bug must not show the client a stack trace; the log has it.
            LOG.error("request to {} failed", path, e);
            if (!exchange.committed()) {
                exchange.error(ApiError.serverError());
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void get(ApiRequest request, Exchange exchange, Action action) throws IOException {
        if (!request.method().equals("GET")) {
            exchange.error(ApiError.methodNotAllowed(request.method(), request.path()));
            return;
        }
        action.run();
    }

    private void models(ApiRequest request, Exchange exchange) throws IOException {
        Gateway current = gateway.get();
        if (authenticate(request, current, exchange).isEmpty()) {
            return;
        }
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

    private void admitted(ApiRequest request, Exchange exchange, Operation operation) throws IOException {
        if (!request.method().equals("POST")) {
            exchange.error(ApiError.methodNotAllowed(request.method(), request.path()));
            return;
        }
        int limit = gateway.get().config().maxRequestsInProgress();
        if (inProgress.incrementAndGet() > limit) {
            inProgress.decrementAndGet();
            ledger.recordError("unknown", Gateway.ANONYMOUS, 503);
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
        Gateway current = gateway.get();
        Optional<Optional<ClientKey>> client = authenticate(request, current, exchange);
        if (client.isEmpty()) {
            return;
        }
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
        calls.serve(operation, (ObjectNode) parsed, body.length, client.get().orElse(null), exchange);
    }

    /**
     * @return empty when the request was refused (the error is sent), otherwise the client (empty when the
     *     proxy has no client keys)
     */
    private static Optional<Optional<ClientKey>> authenticate(ApiRequest request, Gateway gateway, Exchange exchange)
            throws IOException {
        if (!gateway.requiresClientKey()) {
            return Optional.of(Optional.empty());
        }
        String authorization = request.authorization();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            exchange.error(ApiError.invalidApiKey(
                    "You didn't provide an API key. Provide it in the Authorization " + "header as 'Bearer <key>'."));
            return Optional.empty();
        }
        Optional<ClientKey> client = gateway.client(authorization.substring(7).strip());
        if (client.isEmpty()) {
            exchange.error(ApiError.invalidApiKey("Incorrect API key provided."));
            return Optional.empty();
        }
        return Optional.of(client);
    }
}
