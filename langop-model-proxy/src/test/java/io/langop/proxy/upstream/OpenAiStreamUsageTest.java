package io.langop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.usage.TokenUsage;
import org.junit.jupiter.api.Test;

class OpenAiStreamUsageTest {

  private static final String CONTENT =
      "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}";
  private static final String USAGE_ALONE =
      "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}";
  private static final String USAGE_WITH_CONTENT = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
      + "\"!\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}";

  @Test
  void hidesTheUsageChunkTheClientDidNotAskForButCountsIt() {
    StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(false);

    assertThat(translator.translate(null, CONTENT)).containsExactly(CONTENT);
    assertThat(translator.translate(null, USAGE_ALONE)).isEmpty();
    assertThat(translator.translate(null, "[DONE]")).containsExactly("[DONE]");

    assertThat(translator.usage(100)).isEqualTo(new TokenUsage(9, 2));
    assertThat(translator.finished()).isTrue();
  }

  @Test
  void keepsTheContentOfAChunkThatAlsoCarriesUsage() {
    StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(false);

    assertThat(translator.translate(null, USAGE_WITH_CONTENT)).singleElement().satisfies(chunk -> assertThat(chunk)
        .contains("\"content\":\"!\"", "\"finish_reason\":\"stop\"").doesNotContain("usage"));
    assertThat(translator.usage(100)).isEqualTo(new TokenUsage(7, 3));
  }

  @Test
  void forwardsUsageUntouchedToAClientThatAskedForIt() {
    StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(true);

    assertThat(translator.translate(null, USAGE_ALONE)).containsExactly(USAGE_ALONE);
    assertThat(translator.translate(null, USAGE_WITH_CONTENT)).containsExactly(USAGE_WITH_CONTENT);
    assertThat(translator.usage(100)).isEqualTo(new TokenUsage(7, 3));
  }

  @Test
  void estimatesWhenTheUpstreamReportsNoUsage() {
    StreamTranslator translator = OpenAiProtocol.INSTANCE.streamTranslator(false);
    translator.translate(null, CONTENT);
    translator.translate(null, CONTENT);

    assertThat(translator.usage(40)).isEqualTo(new TokenUsage(40, 2));
  }
}
