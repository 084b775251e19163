package io.langop.proxy.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.Provider;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.routing.Endpoint;
import io.langop.proxy.usage.TokenUsage;
import java.io.IOException;

/** How to speak to one kind of upstream, in terms of OpenAI requests and answers. */
public sealed interface Protocol permits OpenAiProtocol, AnthropicProtocol {

    static Protocol of(Provider provider) {
        return switch (provider) {
            case OPENAI, OPENAI_COMPATIBLE, AZURE -> OpenAiProtocol.INSTANCE;
            case ANTHROPIC -> AnthropicProtocol.INSTANCE;
        };
    }

    /**
     * The upstream request for an OpenAI chat completion request (defaults already applied).
     *
     * @throws io.langop.proxy.openai.InvalidRequestException when the request cannot be expressed upstream
     */
    UpstreamRequest chat(ModelConfig model, Endpoint endpoint, ObjectNode request, boolean stream);

    /**
     * The upstream request for an OpenAI embeddings request.
     *
     * @throws io.langop.proxy.openai.InvalidRequestException when the provider has no embeddings
     */
    UpstreamRequest embeddings(ModelConfig model, Endpoint endpoint, ObjectNode request);

    /** The upstream's successful non-streaming chat answer as an OpenAI body, with its token usage. */
    Answer chatAnswer(byte[] upstreamBody) throws IOException;

    StreamTranslator streamTranslator(boolean clientWantsUsage);

    /** The upstream's error body in OpenAI's shape (status kept), never echoing credentials. */
    ApiError error(int status, byte[] upstreamBody);

    /**
     * A whole answer in OpenAI's shape.
     *
     * @param body OpenAI-shaped response bytes, sent to the client as they are
     */
    @SuppressWarnings("ArrayRecordComponent") // the body is sent without a copy; answers are never compared
    record Answer(byte[] body, TokenUsage usage) {}
}
