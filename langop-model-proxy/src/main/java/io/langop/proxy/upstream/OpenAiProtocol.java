package io.langop.proxy.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.Provider;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.Json;
import io.langop.proxy.routing.Endpoint;
import io.langop.proxy.usage.TokenUsage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * OpenAI, OpenAI-compatible servers and Azure OpenAI: the request goes through with the upstream model id,
 * the answer comes back byte for byte. Azure differs only in URL ({@code /openai/deployments/<deployment>}
 * plus {@code api-version}) and key header ({@code api-key}).
 */
final class OpenAiProtocol implements Protocol {

    static final OpenAiProtocol INSTANCE = new OpenAiProtocol();

    private OpenAiProtocol() {}

    @Override
    public UpstreamRequest chat(ModelConfig model, Endpoint endpoint, ObjectNode request, boolean stream) {
        ObjectNode upstream = topLevelCopy(request);
        upstream.put("model", model.upstreamModel());
        if (stream) {
            // Ask for the usage chunk so streams are accounted like other answers; hidden again if the client
            // did not ask for it itself. The client's other stream options go along.
            ObjectNode options = upstream.objectNode();
            if (request.get("stream_options") instanceof ObjectNode asked) {
                options.setAll(asked);
            }
            upstream.set("stream_options", options.put("include_usage", true));
        }
        return post(model, endpoint, "chat/completions", upstream);
    }

    @Override
    public UpstreamRequest embeddings(ModelConfig model, Endpoint endpoint, ObjectNode request) {
        ObjectNode upstream = topLevelCopy(request);
        upstream.put("model", model.upstreamModel());
        return post(model, endpoint, "embeddings", upstream);
    }

    /**
     * A copy whose own fields can be replaced while the client's request stays as it came (a fallback model
     * needs it); the values below them (the messages) are shared, never changed, and not copied.
     */
    private static ObjectNode topLevelCopy(ObjectNode request) {
        ObjectNode copy = request.objectNode();
        copy.setAll(request);
        return copy;
    }

    private static UpstreamRequest post(ModelConfig model, Endpoint endpoint, String operation, ObjectNode body) {
        if (model.provider() == Provider.AZURE) {
            URI uri = endpoint.url("/openai/deployments/"
                    + URLEncoder.encode(model.upstreamModel(), StandardCharsets.UTF_8) + "/" + operation
                    + "?api-version=" + URLEncoder.encode(model.apiVersion(), StandardCharsets.UTF_8));
            return new UpstreamRequest(
                    uri, endpoint.apiKey() == null ? Map.of() : Map.of("api-key", endpoint.apiKey()), Json.bytes(body));
        }
        return new UpstreamRequest(
                endpoint.url("/" + operation),
                endpoint.apiKey() == null ? Map.of() : Map.of("Authorization", "Bearer " + endpoint.apiKey()),
                Json.bytes(body));
    }

    @Override
    public Answer chatAnswer(byte[] upstreamBody) throws IOException {
        return new Answer(upstreamBody, TokenUsage.fromOpenAiBody(upstreamBody));
    }

    @Override
    public StreamTranslator streamTranslator(boolean clientWantsUsage) {
        return new PassThrough(clientWantsUsage);
    }

    @Override
    public ApiError error(int status, byte[] upstreamBody) {
        try {
            ApiError error = ApiError.fromOpenAiBody(status, Json.read(upstreamBody));
            if (error != null) {
                return error;
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: upstreams behind load balancers answer HTML or plain text too
        }
        return new ApiError(
                status,
                "upstream answered HTTP " + status,
                status >= 500 ? "server_error" : "invalid_request_error",
                null,
                null,
                null);
    }

    /** Forwards chunks untouched, only reading the usage chunk (and hiding it when the client did not ask). */
    private static final class PassThrough implements StreamTranslator {
        /** Only a chunk with a usage object is parsed: the common content chunk goes through unread. */
        private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);

        private final boolean clientWantsUsage;
        private TokenUsage reported;
        private long chunks;
        private boolean finished;

        PassThrough(boolean clientWantsUsage) {
            this.clientWantsUsage = clientWantsUsage;
        }

        @Override
        public List<byte[]> translate(String event, byte[] data) {
            if (Arrays.equals(data, DONE)) {
                finished = true;
                return List.of(DONE);
            }
            if (!hasUsageObject(data)) {
                chunks++;
                return List.of(data);
            }
            try {
                TokenUsage.ChunkUsage chunk = TokenUsage.fromOpenAiChunk(data);
                if (chunk.usage() == null) {
                    chunks++; // "usage": {...} was inside a string value
                    return List.of(data);
                }
                reported = chunk.usage();
                if (clientWantsUsage) {
                    return List.of(data);
                }
                if (!chunk.hasChoices()) {
                    return List.of();
                }
                // Usage on a content chunk (some servers send it so): the content goes on without it.
                ObjectNode tree = (ObjectNode) Json.read(data);
                tree.remove("usage");
                return List.of(Json.bytes(tree));
            } catch (IOException notJson) {
                return List.of(data);
            }
        }

        /**
         * Whether {@code "usage"} is followed by an object: OpenAI puts {@code "usage":null} on every content chunk of a
         * stream that asked for usage, and those need no parsing.
         */
        private static boolean hasUsageObject(byte[] data) {
            for (int i = 0; i <= data.length - USAGE_KEY.length; i++) {
                // JSON is full of quotes: the second byte is tested here before the whole key is compared.
                if (data[i] == '"'
                        && data[i + 1] == 'u'
                        && Arrays.equals(data, i, i + USAGE_KEY.length, USAGE_KEY, 0, USAGE_KEY.length)) {
                    int j = i + USAGE_KEY.length;
                    while (j < data.length
                            && (data[j] == ' '
                                    || data[j] == ':'
                                    || data[j] == '\t'
                                    || data[j] == '\n'
                                    || data[j] == '\r')) {
                        j++;
                    }
                    if (j < data.length && data[j] == '{') {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public TokenUsage usage(long estimatedPromptTokens) {
            if (reported != null) {
                return reported;
            }
            // Upstreams without stream usage send about one token per chunk.
            return new TokenUsage(estimatedPromptTokens, chunks);
        }

        @Override
        public boolean finished() {
            return finished;
        }
    }
}
