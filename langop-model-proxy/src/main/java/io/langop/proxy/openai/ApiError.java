package io.langop.proxy.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.Durations;
import io.langop.server.redaction.Redactor;
import java.time.Duration;

/**
 * An error answered in OpenAI's shape: {@code {"error": {"message", "type", "param", "code"}}} with the
 * HTTP status OpenAI would use.
 *
 * @param retryAfter sent as {@code Retry-After} (whole seconds, rounded up) when not null
 */
public record ApiError(int status, String message, String type, String param, String code, Duration retryAfter) {

    public static ApiError invalidRequest(String message, String param, String code) {
        return new ApiError(400, message, "invalid_request_error", param, code, null);
    }

    public static ApiError invalidApiKey(String message) {
        return new ApiError(401, message, "invalid_request_error", null, "invalid_api_key", null);
    }

    /** A known key asking for what it may not read (an agent's key asking for {@code /usage}). */
    public static ApiError forbidden(String message) {
        return new ApiError(403, message, "invalid_request_error", null, "insufficient_permissions", null);
    }

    public static ApiError modelNotFound(String model) {
        return new ApiError(
                404,
                "The model '" + model + "' does not exist or you do not have access to it.",
                "invalid_request_error",
                "model",
                "model_not_found",
                null);
    }

    public static ApiError notFound(String path) {
        return new ApiError(
                404, "Unknown request URL: " + path + ".", "invalid_request_error", null, "unknown_url", null);
    }

    public static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(
                405,
                method + " is not allowed on " + path + ".",
                "invalid_request_error",
                null,
                "method_not_allowed",
                null);
    }

    public static ApiError tooLarge(long limit) {
        return new ApiError(
                413,
                "Request body exceeds the proxy's limit of " + limit + " bytes.",
                "invalid_request_error",
                null,
                "request_too_large",
                null);
    }

    /** The headers did not arrive whole within {@code timeout} of their first byte. */
    public static ApiError headTimeout(Duration timeout) {
        return requestTimeout(
                "The request headers did not arrive within " + Durations.format(timeout) + " of their first byte.");
    }

    /** The body did not arrive whole within {@code timeout} of the request's headers. */
    public static ApiError bodyTimeout(Duration timeout) {
        return requestTimeout(
                "The request body did not arrive within " + Durations.format(timeout) + " of its headers.");
    }

    private static ApiError requestTimeout(String message) {
        return new ApiError(408, message, "invalid_request_error", null, "request_timeout", null);
    }

    /** An {@code Expect} header other than {@code 100-continue}, the only expectation HTTP defines. */
    public static ApiError expectationFailed() {
        return new ApiError(
                417,
                "Only 'Expect: 100-continue' is supported.",
                "invalid_request_error",
                null,
                "expectation_failed",
                null);
    }

    /** One client address has its limit of requests whose body is still arriving. */
    public static ApiError tooManyPendingBodies(int limit) {
        return rateLimited(
                "Too many requests from your address are still sending their bodies (at most " + limit + " at once).",
                "requests",
                Duration.ofSeconds(1));
    }

    /**
     * Over a rate limit, come back after {@code retryAfter}.
     *
     * @param kind {@code requests} or {@code tokens}, OpenAI's rate-limit error types
     */
    public static ApiError rateLimited(String message, String kind, Duration retryAfter) {
        return new ApiError(429, message, kind, null, "rate_limit_exceeded", retryAfter);
    }

    public static ApiError upstreamUnavailable(String message) {
        return new ApiError(502, message, "server_error", null, "upstream_unavailable", null);
    }

    public static ApiError upstreamTimeout(String message) {
        return new ApiError(504, message, "server_error", null, "upstream_timeout", null);
    }

    /**
     * The usage totals the replicas keep in Redis cannot be read now: answered instead of this replica's own counts,
     * which a reader would take for the totals.
     */
    public static ApiError sharedUsageUnavailable(String message) {
        return new ApiError(503, message, "server_error", null, "shared_state_unavailable", Duration.ofSeconds(5));
    }

    /** A failure of the proxy itself; the details are in its log, never in the answer. */
    public static ApiError serverError() {
        return new ApiError(500, "The proxy failed to handle the request.", "server_error", null, null, null);
    }

    /** The proxy has more requests in progress than it takes: answered at once, instead of queueing without end. */
    public static ApiError overloaded(int limit) {
        return new ApiError(
                503,
                "The proxy is overloaded (" + limit + " requests in progress); please retry shortly.",
                "server_error",
                null,
                "server_overloaded",
                Duration.ofSeconds(1));
    }

    /** The proxy is stopping (a restart, say) and cut the request off; another instance, or this one back, answers. */
    public static ApiError stopping() {
        return new ApiError(
                503,
                "The proxy is restarting and cut this request off; please retry it.",
                "server_error",
                null,
                "server_restarting",
                Duration.ofSeconds(1));
    }

    /** This error with {@code redactor}'s secrets taken out of every text an upstream may have written. */
    public ApiError redacted(Redactor redactor) {
        return new ApiError(
                status,
                redactor.redact(message),
                redactor.redact(type),
                redactor.redact(param),
                redactor.redact(code),
                retryAfter);
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return body;
    }

    /** Reads an upstream's OpenAI-shaped error body, keeping the upstream status; null when it is not one. */
    public static ApiError fromOpenAiBody(int status, JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject() || !error.path("message").isTextual()) {
            return null;
        }
        return new ApiError(
                status,
                error.path("message").asText(),
                error.path("type").asText("upstream_error"),
                error.path("param").isTextual() ? error.path("param").asText() : null,
                error.path("code").isTextual() ? error.path("code").asText() : null,
                null);
    }
}
