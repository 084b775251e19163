package io.langop.proxy.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.langop.proxy.openai.Json;
import java.io.IOException;

/** Tokens of one request, as the upstream reported them in OpenAI's {@code usage} object. */
public record TokenUsage(long promptTokens, long completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /**
     * The {@code usage} of a whole OpenAI answer body. Streams over the body instead of building its tree (the
     * answer is forwarded as it is), yet still reads all of it, so a body that is not JSON fails here.
     *
     * @throws IOException when the body is not valid JSON
     */
    public static TokenUsage fromOpenAiBody(byte[] body) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            TokenUsage usage = scan(parser).usage();
            return usage == null ? NONE : usage;
        }
    }

    /**
     * What a stream chunk holds.
     *
     * @param usage      its {@code usage}, null when it has none (or {@code "usage": null})
     * @param hasChoices whether its {@code choices} has any
     */
    public record ChunkUsage(TokenUsage usage, boolean hasChoices) {}

    /**
     * Reads a stream chunk's usage with the streaming parser, like {@link #fromOpenAiBody}.
     *
     * @throws IOException when the chunk is not valid JSON
     */
    public static ChunkUsage fromOpenAiChunk(byte[] chunk) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(chunk)) {
            return scan(parser);
        }
    }

    private static ChunkUsage scan(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ChunkUsage(null, false);
        }
        TokenUsage usage = null;
        boolean hasChoices = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("usage") && value == JsonToken.START_OBJECT) {
                usage = readUsage(parser);
            } else if (field.equals("choices") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    hasChoices = true;
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
        return new ChunkUsage(usage, hasChoices);
    }

    /** Reads the usage object the parser is at: {@code prompt_tokens} and {@code completion_tokens}, zero when missing. */
    private static TokenUsage readUsage(JsonParser parser) throws IOException {
        long prompt = 0;
        long completion = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "prompt_tokens" -> prompt = parser.getValueAsLong(0);
                case "completion_tokens" -> completion = parser.getValueAsLong(0);
                default -> {}
            }
            parser.skipChildren(); // a nested value, whatever its name
        }
        return new TokenUsage(prompt, completion);
    }
}
