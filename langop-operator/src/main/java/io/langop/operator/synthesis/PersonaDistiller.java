package io.langop.operator.synthesis;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.langop.sdk.errors.Causes;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.LlmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a LanguagePersona into the concise system-prompt paragraph synthesized agents carry. A persona
 * is distilled once per version of its spec: every agent that uses it shares the paragraph, and an
 * unchanged persona costs no LLM call.
 */
public final class PersonaDistiller {

    private static final int CACHED_PERSONAS = 256;
    private static final PromptTemplate TEMPLATE = PromptTemplate.bundled("persona-prompt.md");

    private final LlmClient llm;
    private final Map<String, String> distilled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_PERSONAS;
        }
    };

    public PersonaDistiller(LlmClient llm) {
        this.llm = llm;
    }

    /**
     * Distills a persona into the system prompt its agents use.
     *
     * @param personaName the LanguagePersona's name, for the model's context
     * @param personaSpec canonical form of the persona's spec (its JSON): the cache key and what is distilled
     * @throws SynthesisUnavailableException when the LLM cannot be reached
     */
    public String distill(String personaName, String personaSpec) throws InterruptedException {
        String key = SynthesisFingerprint.sha256(personaName + "\n" + personaSpec);
        synchronized (distilled) {
            String cached = distilled.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String paragraph = ask(personaName, personaSpec);
        synchronized (distilled) {
            distilled.put(key, paragraph);
        }
        return paragraph;
    }

    private String ask(String personaName, String personaSpec) throws InterruptedException {
        String prompt = TEMPLATE.fill(Map.of("name", personaName, "spec", personaSpec));
        try {
            String answer = llm.chat(ChatRequest.builder()
                            .messages(List.of(UserMessage.from(prompt)))
                            .temperature(0.2)
                            .build())
                    .aiMessage()
                    .text();
            return answer == null ? "" : answer.strip();
        } catch (RuntimeException failure) {
            String why = failure instanceof LlmException ? failure.getMessage() : Causes.describe(failure);
            throw new SynthesisUnavailableException("distilling persona " + personaName + " failed: " + why, failure);
        }
    }
}
