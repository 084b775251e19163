package io.langop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiStreamUsageTest {

    private static final String CONTENT =
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}";
    /** OpenAI puts a null usage on each content chunk when usage was asked for. */
    private static final String CONTENT_NULL_USAGE =
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}],\"usage\":null}";
    /** The model's text mentions a usage object: the text is escaped JSON, not a usage field. */
    private static final String CONTENT_QUOTING_USAGE =
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + "\"\\\"usage\\\": {}\"},\"finish_reason\":null}]}";
    /** A usage object below the top level is not the chunk's usage. */
    private static final String CONTENT_NESTED_USAGE = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
            + "\"Hi\"},\"usage\":{\"prompt_tokens\":1}}]}";
    /** OpenAI's usage chunk, with the token details it nests among the counts. */
    private static final String USAGE_ALONE = "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens\":2,\"total_tokens\":11,"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";

    private static final String USAGE_WITH_CONTENT = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
            + "\"!\"},\"finish_reason\":\"stop\"}],\"usage\": {\"prompt_tokens\":7,\"completion_tokens\":3}}";

    @Test
    void hidesTheUsageChunkTheClientDidNotAskForButCountsIt() {
        StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(false);

        assertThat(translate(translator, CONTENT)).containsExactly(CONTENT);
        assertThat(translate(translator, CONTENT_NULL_USAGE)).containsExactly(CONTENT_NULL_USAGE);
        assertThat(translate(translator, USAGE_ALONE)).isEmpty();
        assertThat(translate(translator, "[DONE]")).containsExactly("[DONE]");

        assertThat(translator.usage(100)).isEqualTo(new TokenUsage(9, 2));
        assertThat(translator.finished()).isTrue();
    }

    @Test
    void keepsTheContentOfAChunkThatAlsoCarriesUsage() {
        StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(false);

        assertThat(translate(translator, USAGE_WITH_CONTENT))
                .singleElement()
                .satisfies(chunk -> assertThat(chunk)
                        .contains("\"content\":\"!\"", "\"finish_reason\":\"stop\"")
                        .doesNotContain("usage"));
        assertThat(translator.usage(100)).isEqualTo(new TokenUsage(7, 3));
    }

    @Test
    void forwardsUsageUntouchedToAClientThatAskedForIt() {
        StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(true);

        assertThat(translate(translator, USAGE_ALONE)).containsExactly(USAGE_ALONE);
        assertThat(translate(translator, USAGE_WITH_CONTENT)).containsExactly(USAGE_WITH_CONTENT);
        assertThat(translator.usage(100)).isEqualTo(new TokenUsage(7, 3));
    }

    @Test
    void estimatesWhenTheUpstreamReportsNoUsage() {
        StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(false);
        assertThat(translate(translator, CONTENT)).containsExactly(CONTENT);
        assertThat(translate(translator, CONTENT_NULL_USAGE)).containsExactly(CONTENT_NULL_USAGE);
        assertThat(translate(translator, CONTENT_QUOTING_USAGE)).containsExactly(CONTENT_QUOTING_USAGE);
        assertThat(translate(translator, CONTENT_NESTED_USAGE)).containsExactly(CONTENT_NESTED_USAGE);

        assertThat(translator.usage(40)).isEqualTo(new TokenUsage(40, 4));
    }

    private static List<String> translate(StreamTranslator translator, String data) {
        return translator.translate(null, data.getBytes(StandardCharsets.UTF_8)).stream()
                .map(out -> new String(out, StandardCharsets.UTF_8))
                .toList();
    }
}
