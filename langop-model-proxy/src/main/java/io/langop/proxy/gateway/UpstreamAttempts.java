package io.langop.proxy.gateway;

import io.langop.proxy.config.Durations;
import io.langop.proxy.config.FallbackCondition;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.RetryPolicy;
import io.langop.proxy.limits.RateLimiters;
import io.langop.proxy.limits.RateLimiters.Admission;
import io.langop.proxy.limits.RateLimiters.Permit;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.routing.Endpoint;
import io.langop.proxy.routing.Endpoint.Outcome;
import io.langop.proxy.routing.EndpointPool.Lease;
import io.langop.proxy.trace.ProxySpans;
import io.langop.proxy.upstream.UpstreamClient;
import io.langop.proxy.upstream.UpstreamClient.Reply;
import io.langop.proxy.upstream.UpstreamClient.StoppingException;
import io.langop.proxy.upstream.UpstreamClient.UpstreamTimeoutException;
import io.langop.proxy.upstream.UpstreamRequest;
import io.langop.server.redaction.Redactor;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request along a model's fallback chain: on each model up to {@code retry.maxAttempts} attempts
 * with backoff (each attempt routed to a healthy endpoint), then the next model. Stops at the first answer,
 * and at the first error retrying cannot fix (a 400 would be a 400 everywhere).
 */
final class UpstreamAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamAttempts.class);

    private final UpstreamClient http;
    private final RateLimiters limiters;

    UpstreamAttempts(UpstreamClient http, RateLimiters limiters) {
        this.http = http;
        this.limiters = limiters;
    }

    /** What the chain ended in. */
    sealed interface Result {
        /** A 2xx from {@code model}; the caller reads the body and closes the lease and the permits. */
        record Answered(ModelRuntime model, Lease lease, long latencyNanos, Reply reply, List<Permit> fallbackPermits)
                implements Result {}

        record Failed(ApiError error) implements Result {}
    }

    /** Builds the upstream request for an attempt on a model's endpoint. */
    interface RequestFactory {
        UpstreamRequest build(ModelRuntime model, Endpoint endpoint);
    }

    Result send(
            Gateway gateway, ModelRuntime requested, RequestFactory requests, long estimatedTokens, boolean stream) {
        List<ModelRuntime> chain = new ArrayList<>();
        chain.add(requested);
        requested.config().fallbacks().forEach(name -> gateway.model(name).ifPresent(chain::add));
        List<Permit> fallbackPermits = new ArrayList<>();
        ApiError last = null;
        for (ModelRuntime model : chain) {
            if (last != null
                    && !requested.config().fallsBackTo(model.name(), FallbackCondition.ofStatus(last.status()))) {
                LOG.debug("model {} not tried: its conditions do not cover HTTP {}", model.name(), last.status());
                continue;
            }
            if (!model.name().equals(requested.name())) {
                // The requested model's limits were checked on admission; a fallback's own limits apply when used.
                Admission admission = limiters.admit(
                        List.of(RateLimiters.Scope.model(
                                model.name(), model.config().rateLimits())),
                        estimatedTokens);
                if (admission instanceof Admission.Refused refused) {
                    last = ApiError.rateLimited(refused.reason(), refused.kind(), refused.retryAfter());
                    continue;
                }
                fallbackPermits.add((Permit) admission);
            }
            Attempt attempt = onModel(model, requests, stream, gateway.redactor());
            switch (attempt) {
                case Attempt.Success success -> {
                    return new Result.Answered(
                            model, success.lease(), success.latencyNanos(), success.reply(), fallbackPermits);
                }
                case Attempt.Final fin -> {
                    fallbackPermits.forEach(Permit::close);
                    return new Result.Failed(fin.error());
                }
                case Attempt.Exhausted exhausted -> {
                    last = exhausted.error();
                    if (exhausted.tried()) {
                        LOG.warn("model {} gave up: {}", model.name(), last.message());
                    } else {
                        // Every endpoint is ejected, which was logged when it happened.
                        LOG.debug("model {} gave up: {}", model.name(), last.message());
                    }
                }
            }
        }
        fallbackPermits.forEach(Permit::close);
        return new Result.Failed(last);
    }

    private sealed interface Attempt {
        record Success(Lease lease, long latencyNanos, Reply reply) implements Attempt {}

        /** An error no retry or fallback can fix. */
        record Final(ApiError error) implements Attempt {}

        /** @param tried whether any upstream was called (otherwise every endpoint was ejected) */
        record Exhausted(ApiError error, boolean tried) implements Attempt {}
    }

    /** @param redactor takes the proxy's keys out of what an upstream answered, before a client or a log sees it */
    private Attempt onModel(ModelRuntime model, RequestFactory requests, boolean stream, Redactor redactor) {
        ModelConfig config = model.config();
        RetryPolicy retry = config.retry();
        ApiError last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                Duration backoff = retry.backoffAfter(attempt - 1);
                if (last.retryAfter() != null && last.retryAfter().compareTo(backoff) > 0) {
                    backoff = last.retryAfter().compareTo(retry.maxBackoff()) > 0
                            ? retry.maxBackoff()
                            : last.retryAfter();
                }
                if (!sleep(backoff)) {
                    return new Attempt.Exhausted(last, true);
                }
            }
            var leased = model.pool().acquire();
            if (leased.isEmpty()) {
                return new Attempt.Exhausted(
                        last != null
                                ? last
                                : ApiError.upstreamUnavailable("Every endpoint of model '" + model.name()
                                        + "' is ejected after repeated failures."),
                        last != null);
            }
            Lease lease = leased.get();
            try {
                if (!lease.awaitSlot(config.timeout())) {
                    lease.close(Outcome.NEUTRAL, 0);
                    last = ApiError.upstreamTimeout("Model '" + model.name() + "' had no free connection within "
                            + Durations.format(config.timeout()) + ".");
                    continue;
                }
            } catch (InterruptedException e) {
                lease.close(Outcome.NEUTRAL, 0);
                Thread.currentThread().interrupt();
                return new Attempt.Final(ApiError.upstreamUnavailable("The proxy is shutting down."));
            }
            long started = System.nanoTime();
            Reply reply;
            try {
                reply = tracedSend(model, requests.build(model, lease.endpoint()), attempt, stream);
            } catch (UpstreamTimeoutException e) {
                lease.close(Outcome.FAILURE, System.nanoTime() - started);
                last = e.connecting()
                        ? ApiError.upstreamUnavailable(
                                "Model '" + model.name() + "' could not be connected to in time.")
                        : ApiError.upstreamTimeout("Model '" + model.name() + "' did not answer within "
                                + Durations.format(config.timeout()) + ".");
                continue;
            } catch (StoppingException e) {
                // Says nothing about the upstream; no retry or fallback can help either.
                lease.close(Outcome.NEUTRAL, 0);
                return new Attempt.Final(ApiError.stopping());
            } catch (IOException e) {
                lease.close(Outcome.FAILURE, System.nanoTime() - started);
                last = ApiError.upstreamUnavailable("Model '" + model.name() + "' could not be reached: "
                        + e.getClass().getSimpleName());
                continue;
            } catch (InterruptedException e) {
                lease.close(Outcome.NEUTRAL, 0);
                Thread.currentThread().interrupt();
                return new Attempt.Final(ApiError.upstreamUnavailable("The proxy is shutting down."));
            }
            long latency = System.nanoTime() - started;
            int status = reply.status();
            if (status / 100 == 2) {
                return new Attempt.Success(lease, latency, reply);
            }
            byte[] body = reply.errorBody();
            lease.close(status >= 500 ? Outcome.FAILURE : status == 429 ? Outcome.NEUTRAL : Outcome.SUCCESS, latency);
            ApiError error = withRetryAfter(model.protocol().error(status, body), reply.retryAfter())
                    .redacted(redactor);
            if (!retry.retryableStatusCodes().contains(status)) {
                return new Attempt.Final(clientFacing(model, error));
            }
            last = clientFacing(model, error);
        }
        return new Attempt.Exhausted(last, true);
    }

    /**
     * One attempt as a client span, from sending to the upstream's answer head (a stream's body follows under the
     * request's span); the span's trace headers go upstream.
     */
    private Reply tracedSend(ModelRuntime model, UpstreamRequest request, int attempt, boolean stream)
            throws IOException, InterruptedException {
        try (SpanScope span = SpanScope.start(ProxySpans.attempt(
                request.uri().getPath().endsWith("/embeddings") ? "embeddings" : "chat",
                model.config().upstreamModel(),
                request.uri(),
                attempt))) {
            try {
                Reply reply = http.send(
                        ProxySpans.withTraceHeaders(request), model.config().timeout(), stream);
                span.span().setAttribute(TraceAttributes.HTTP_STATUS, (long) reply.status());
                if (reply.status() / 100 != 2) {
                    span.fail(Integer.toString(reply.status()), "upstream answered HTTP " + reply.status());
                }
                return reply;
            } catch (IOException | InterruptedException | RuntimeException failure) {
                span.fail(failure);
                throw failure;
            }
        }
    }

    /**
     * What the client sees of an upstream error: its own mistakes as they are, but never the upstream's view of
     * the proxy's credentials, and server failures as a gateway error.
     */
    private static ApiError clientFacing(ModelRuntime model, ApiError upstream) {
        return switch (upstream.status()) {
            case 401, 403 ->
                ApiError.upstreamUnavailable("Model '" + model.name()
                        + "' refused the proxy's upstream credentials; ask the operator of this proxy to check them.");
            case 429 ->
                ApiError.rateLimited(
                        "Model '" + model.name() + "' is rate limited upstream: " + upstream.message(),
                        "requests",
                        upstream.retryAfter() != null ? upstream.retryAfter() : Duration.ofSeconds(1));
            default ->
                upstream.status() >= 500
                        ? new ApiError(
                                502,
                                "Model '" + model.name() + "' failed upstream (HTTP " + upstream.status() + "): "
                                        + upstream.message(),
                                "server_error",
                                null,
                                "upstream_error",
                                null)
                        : upstream;
        };
    }

    private static ApiError withRetryAfter(ApiError error, String retryAfter) {
        return Optional.ofNullable(retryAfter)
                .flatMap(UpstreamAttempts::seconds)
                .map(after ->
                        new ApiError(error.status(), error.message(), error.type(), error.param(), error.code(), after))
                .orElse(error);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static boolean sleep(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
