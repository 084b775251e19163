package io.langop.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.cache.ResponseCache;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.Durations;
import io.langop.proxy.gateway.UpstreamAttempts.Result;
import io.langop.proxy.limits.RateLimiters;
import io.langop.proxy.limits.RateLimiters.Admission;
import io.langop.proxy.limits.RateLimiters.Permit;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.proxy.routing.Endpoint.Outcome;
import io.langop.proxy.upstream.Protocol;
import io.langop.proxy.upstream.StreamTranslator;
import io.langop.proxy.upstream.UpstreamClient;
import io.langop.proxy.upstream.UpstreamClient.StoppingException;
import io.langop.proxy.upstream.UpstreamClient.UpstreamTimeoutException;
import io.langop.proxy.usage.TokenUsage;
import io.langop.proxy.usage.UsageLedger;
import io.langop.server.redaction.Redactor;
import io.langop.trace.TraceAttributes;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Chat completions and embeddings through the gateway: defaults, cache, limits, the fallback chain, the
 * answer (whole or streamed), accounting.
 */
public final class ModelCalls {

    /** Names the model that produced the answer (the requested one or a fallback). */
    public static final String MODEL_HEADER = "X-Langop-Model";
    /** {@code hit} or {@code miss} on cacheable requests. */
    public static final String CACHE_HEADER = "X-Langop-Cache";

    private static final Logger LOG = LoggerFactory.getLogger(ModelCalls.class);

    private final Supplier<Gateway> gateway;
    private final RateLimiters limiters;
    private final UsageLedger ledger;
    private final UpstreamAttempts upstream;

    public ModelCalls(Supplier<Gateway> gateway, UpstreamClient http, RateLimiters limiters, UsageLedger ledger) {
        this.gateway = gateway;
        this.limiters = limiters;
        this.ledger = ledger;
        this.upstream = new UpstreamAttempts(http, limiters);
    }

    /** Which operation a request is. */
    public enum Operation {
        CHAT("/v1/chat/completions"),
        EMBEDDINGS("/v1/embeddings");

        private final String path;

        Operation(String path) {
            this.path = path;
        }
    }

    /**
     * Serves one validated request body.
     *
     * @param client the authenticated client, or null when the proxy has no client keys
     */
    public void serve(Operation operation, ObjectNode request, long requestBytes, ClientKey client, Exchange exchange)
            throws IOException {
        long admitted = System.nanoTime();
        Gateway current = gateway.get();
        String clientName = client == null ? Gateway.ANONYMOUS : client.name();
        String modelName = request.path("model").asText();
        ModelRuntime model = current.model(modelName).orElse(null);
        if (model == null) {
            // Counted as "unknown": a name clients make up must not become a metric series (or a /usage entry) each.
            fail(exchange, null, clientName, ApiError.modelNotFound(modelName));
            return;
        }
        MDC.put("agent", clientName);
        Span.current().setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, model.name());
        try {
            model.config().defaults().forEach((field, value) -> {
                if (!request.has(field)) {
                    request.set(field, Json.MAPPER.valueToTree(value));
                }
            });
            boolean stream =
                    operation == Operation.CHAT && request.path("stream").asBoolean(false);
            String cacheKey = cacheKey(operation, model, request, stream);
            if (cacheKey != null) {
                var hit = model.cache().get(cacheKey);
                if (hit.isPresent()) {
                    ledger.recordCacheHit(model.name());
                    ledger.recordAnswer(
                            hit.get().answeredBy(),
                            clientName,
                            TokenUsage.NONE,
                            model.config().pricing(),
                            true,
                            System.nanoTime() - admitted);
                    exchange.json(
                            200,
                            Map.of(MODEL_HEADER, hit.get().answeredBy(), CACHE_HEADER, "hit"),
                            hit.get().body());
                    return;
                }
                ledger.recordCacheMiss(model.name());
            }
            // About four bytes of JSON per token: close enough to hold tokens/min buckets before usage is known.
            long estimatedTokens = Math.max(1, requestBytes / 4);
            List<RateLimiters.Scope> scopes = new ArrayList<>(2);
            if (client != null) {
                scopes.add(RateLimiters.Scope.client(client.name(), client.rateLimits()));
            }
            scopes.add(RateLimiters.Scope.model(model.name(), model.config().rateLimits()));
            Admission admission = limiters.admit(scopes, estimatedTokens);
            if (admission instanceof Admission.Refused refused) {
                fail(
                        exchange,
                        modelName,
                        clientName,
                        ApiError.rateLimited(
                                "Rate limit reached: " + refused.reason() + ".", refused.kind(), refused.retryAfter()));
                return;
            }
            try (Permit permit = (Permit) admission) {
                Result result = upstream.send(
                        current,
                        model,
                        (target, endpoint) -> operation == Operation.CHAT
                                ? target.protocol().chat(target.config(), endpoint, request, stream)
                                : target.protocol().embeddings(target.config(), endpoint, request),
                        estimatedTokens,
                        stream);
                switch (result) {
                    case Result.Failed failed -> {
                        permit.settleTokens(0);
                        fail(exchange, modelName, clientName, failed.error());
                    }
                    case Result.Answered answered -> {
                        List<Permit> permits = new ArrayList<>(answered.fallbackPermits());
                        permits.add(permit);
                        try {
                            Delivery delivery = stream
                                    ? streamAnswer(answered, request, estimatedTokens, current.redactor(), exchange)
                                    : wholeAnswer(
                                            operation,
                                            answered,
                                            cacheKey,
                                            model,
                                            permits,
                                            current.redactor(),
                                            exchange);
                            permit.settleTokens(delivery.usage().totalTokens());
                            account(answered.model(), clientName, delivery, System.nanoTime() - admitted);
                        } finally {
                            permits.forEach(Permit::close);
                        }
                    }
                }
            }
        } catch (InvalidRequestException e) {
            fail(exchange, modelName, clientName, e.error());
        } finally {
            MDC.remove("agent");
        }
    }

    /**
     * What an answer delivered: the tokens to charge, and the status of the error it ended in (0 when it ended
     * well).
     */
    private record Delivery(TokenUsage usage, int errorStatus) {
        static Delivery complete(TokenUsage usage) {
            return new Delivery(usage, 0);
        }
    }

    /**
     * Counts an answer under the model that gave it: a complete one as a request; one that ended in an error (a
     * stream that broke off or fell silent, a body that is not JSON) as an error, charged with what it delivered.
     */
    private void account(ModelRuntime model, String client, Delivery delivery, long latencyNanos) {
        if (delivery.errorStatus() == 0) {
            ledger.recordAnswer(
                    model.name(), client, delivery.usage(), model.config().pricing(), false, latencyNanos);
        } else {
            ledger.recordBrokenAnswer(
                    model.name(),
                    client,
                    delivery.usage(),
                    model.config().pricing(),
                    delivery.errorStatus(),
                    latencyNanos);
        }
    }

    private static String cacheKey(Operation operation, ModelRuntime model, ObjectNode request, boolean stream) {
        if (stream || model.cache() == null) {
            return null;
        }
        boolean cacheable = operation == Operation.EMBEDDINGS
                || ResponseCache.isDeterministic(request)
                || model.config().cache().cacheNonZeroTemperature();
        return cacheable ? ResponseCache.key(operation.path, request) : null;
    }

    /**
     * Sends a whole answer, which is also what the cache keeps.
     *
     * @param permits closed before the answer is written: the upstream's work is done, and a client that sends its
     *     next request the moment it has this answer must find the concurrency slot free
     * @param redactor takes the proxy's keys out of the answer
     */
    private Delivery wholeAnswer(
            Operation operation,
            Result.Answered answered,
            String cacheKey,
            ModelRuntime requested,
            List<Permit> permits,
            Redactor redactor,
            Exchange exchange)
            throws IOException {
        ModelRuntime model = answered.model();
        Protocol.Answer answer;
        try {
            answer = operation == Operation.CHAT
                    ? model.protocol().chatAnswer(answered.reply().body())
                    : new Protocol.Answer(
                            answered.reply().body(),
                            TokenUsage.fromOpenAiBody(answered.reply().body()));
        } catch (IOException | RuntimeException e) {
            answered.lease().close(Outcome.FAILURE, answered.latencyNanos());
            ApiError invalid = ApiError.upstreamUnavailable(
                    "Model '" + model.name() + "' answered with a body that is not valid JSON.");
            exchange.error(invalid);
            // Its usage cannot be read, and the client got none of it: nothing is charged.
            return new Delivery(TokenUsage.NONE, invalid.status());
        }
        answered.lease().close(Outcome.SUCCESS, answered.latencyNanos());
        permits.forEach(Permit::close);
        byte[] body = redactor.redact(answer.body());
        if (cacheKey != null) {
            requested.cache().put(cacheKey, body, model.name());
        }
        exchange.json(
                200,
                cacheKey != null
                        ? Map.of(MODEL_HEADER, model.name(), CACHE_HEADER, "miss")
                        : Map.of(MODEL_HEADER, model.name()),
                body);
        return Delivery.complete(answer.usage());
    }

    /**
     * Forwards each upstream event as soon as it is read, with the proxy's keys taken out by {@code redactor}. When
     * the client goes away the upstream body is closed, which aborts the upstream request.
     */
    private Delivery streamAnswer(
            Result.Answered answered, ObjectNode request, long estimatedTokens, Redactor redactor, Exchange exchange)
            throws IOException {
        ModelRuntime model = answered.model();
        boolean clientWantsUsage =
                request.path("stream_options").path("include_usage").asBoolean(false);
        StreamTranslator translator = model.protocol().streamTranslator(clientWantsUsage);
        Outcome outcome = Outcome.FAILURE;
        try (InputStream body = answered.reply().stream()) {
            EventReader events = new EventReader(body);
            Exchange.EventSink sink;
            try {
                sink = exchange.events(Map.of(MODEL_HEADER, model.name()));
                // The headers leave with the first events when those have arrived already, at once otherwise (a model
                // may think for a while before its first token).
                if (!events.ready()) {
                    sink.flush();
                }
            } catch (IOException clientGone) {
                // Says nothing about the upstream, which answered.
                outcome = Outcome.NEUTRAL;
                throw clientGone;
            }
            IOException broken = null;
            while (true) {
                EventReader.Event event;
                try {
                    event = events.next();
                } catch (IOException e) {
                    broken = e; // the upstream broke off or fell silent: reported below like an early end
                    break;
                }
                if (event == null) {
                    break;
                }
                boolean sent = true;
                for (byte[] out : translator.translate(event.name(), event.data())) {
                    sent = sent && send(sink, redactor.redact(out));
                }
                // Events the upstream sent together leave together; an event is never held back waiting for more. Once
                // the upstream has sent all, the rest leaves with the end of the answer.
                if (!sent || (!events.ready() && !answered.reply().streamComplete() && !flush(sink))) {
                    LOG.info("client left a stream from model {}; upstream request cancelled", model.name());
                    outcome = Outcome.NEUTRAL;
                    return Delivery.complete(translator.usage(estimatedTokens));
                }
            }
            if (translator.finished()) {
                outcome = Outcome.SUCCESS;
                return Delivery.complete(translator.usage(estimatedTokens));
            }
            ApiError failure = streamFailure(model, broken);
            if (!(broken instanceof StoppingException)) {
                LOG.warn(
                        "{}{}",
                        failure.message(),
                        broken == null ? "" : " (" + redactor.redact(broken.getMessage()) + ")");
            }
            if (send(sink, Json.bytes(failure.toJson()))) {
                flush(sink);
            }
            return new Delivery(translator.usage(estimatedTokens), failure.status());
        } finally {
            answered.lease().close(outcome, answered.latencyNanos());
        }
    }

    /** Why a stream ended before its answer was complete, as the error event that tells the client. */
    private static ApiError streamFailure(ModelRuntime model, IOException broken) {
        return switch (broken) {
            case StoppingException stopping -> ApiError.stopping();
            case UpstreamTimeoutException silent ->
                ApiError.upstreamTimeout("Model '" + model.name() + "' was silent for longer than its timeout of "
                        + Durations.format(model.config().timeout()) + ".");
            case null, default ->
                ApiError.upstreamUnavailable(
                        "Model '" + model.name() + "' ended the stream before the answer was complete.");
        };
    }

    private static boolean flush(Exchange.EventSink sink) {
        try {
            sink.flush();
            return true;
        } catch (IOException clientGone) {
            return false;
        }
    }

    private static boolean send(Exchange.EventSink sink, byte[] data) {
        try {
            sink.send(data);
            return true;
        } catch (IOException clientGone) {
            return false;
        }
    }

    private void fail(Exchange exchange, String model, String client, ApiError error) throws IOException {
        ledger.recordError(model == null || model.isEmpty() ? "unknown" : model, client, error.status());
        exchange.error(error);
    }

    /** Whether a parsed body looks like a request for {@code operation}; throws naming the bad field otherwise. */
    public static void validate(Operation operation, JsonNode body) {
        if (!body.isObject()) {
            throw InvalidRequestException.of("The request body must be a JSON object.", null);
        }
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequestException(
                    ApiError.invalidRequest("You must provide a model parameter.", "model", null));
        }
        switch (operation) {
            case CHAT -> {
                JsonNode messages = body.get("messages");
                if (messages == null || !messages.isArray() || messages.isEmpty()) {
                    throw InvalidRequestException.of("'messages' must be a non-empty array.", "messages");
                }
                for (int i = 0; i < messages.size(); i++) {
                    if (!messages.get(i).path("role").isTextual()) {
                        throw InvalidRequestException.of(
                                "'messages[" + i + "]' must be an object with a 'role'.", "messages[" + i + "].role");
                    }
                }
                JsonNode stream = body.get("stream");
                if (stream != null && !stream.isBoolean() && !stream.isNull()) {
                    throw InvalidRequestException.of("'stream' must be a boolean.", "stream");
                }
            }
            case EMBEDDINGS -> {
                JsonNode input = body.get("input");
                if (input == null || !(input.isTextual() || input.isArray()) || (input.isArray() && input.isEmpty())) {
                    throw InvalidRequestException.of("'input' must be a string or a non-empty array.", "input");
                }
            }
        }
    }
}
