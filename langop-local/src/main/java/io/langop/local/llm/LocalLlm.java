package io.langop.local.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * The LLM {@code langop local} found for everything that needs one: the model proxies of LanguageModels that
 * cannot reach their own endpoint, and synthesis.
 *
 * @param source  how it was found, as the user would say it ({@code --llm}, {@code OPENAI_API_KEY}, ...)
 * @param baseUrl OpenAI-compatible base URL, with {@code /v1}
 * @param model   the model to ask for when nothing names one
 * @param apiKey  its API key; never printed
 * @param openAi  true when it is OpenAI's own API (or a stand-in at {@code OPENAI_BASE_URL}), whose model names
 *                the manifests may use as they are
 */
public record LocalLlm(String source, String baseUrl, String model, Optional<String> apiKey, boolean openAi) {

    public LocalLlm {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        apiKey = apiKey.filter(key -> !key.isBlank());
    }

    /** One line for the account, without the key. */
    public String describe() {
        return "model " + model + " at " + baseUrl + " (" + source + ")";
    }

    @Override
    public String toString() {
        return "LocalLlm[" + describe() + ", apiKey=" + (apiKey.isPresent() ? "<set>" : "<unset>") + "]";
    }
}
