package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonaDistillerTest {

    private static final String ANALYST =
            "{\"description\":\"Security analyst\",\"tone\":\"concise\",\"language\":\"en\"}";

    private ScriptedOpenAiServer llm;
    private PersonaDistiller distiller;

    @BeforeEach
    void scriptedLlm() throws Exception {
        llm = new ScriptedOpenAiServer();
        distiller = new PersonaDistiller(LlmClient.openAiCompatible(
                llm.baseUrl(),
                "sk-test",
                "synth-model",
                Duration.ofSeconds(10),
                new Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10))));
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    @Test
    void aPersonaIsDistilledOncePerVersionOfItsSpec() throws Exception {
        llm.thenText("  You are a concise security analyst who cites sources.\n")
                .thenText("You are a chatty guide.");

        assertThat(distiller.distill("analyst", ANALYST))
                .isEqualTo("You are a concise security analyst who cites sources.");
        assertThat(distiller.distill("analyst", ANALYST))
                .isEqualTo("You are a concise security analyst who cites sources.");
        assertThat(llm.requests()).hasSize(1);
        assertThat(llm.messagesOf(0))
                .singleElement()
                .asString()
                .contains("Persona name: analyst")
                .contains(ANALYST);

        assertThat(distiller.distill("analyst", ANALYST.replace("concise", "chatty")))
                .isEqualTo("You are a chatty guide.");
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void anUnreachableLlmIsReportedAsUnavailable() {
        llm.thenError(500, "down");
        assertThatThrownBy(() -> distiller.distill("analyst", ANALYST))
                .isInstanceOf(SynthesisUnavailableException.class)
                .hasMessageContaining("distilling persona analyst failed: LLM call to " + llm.baseUrl())
                .hasMessageContaining("down");
    }
}
