package io.langop.local.llm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the LLM {@code langop local} uses, without any YAML, in this order: {@code --llm URL} (key from
 * {@code LLM_API_KEY}); {@code OPENAI_API_KEY} (at {@code OPENAI_BASE_URL}, else OpenAI's API); an Ollama answering
 * on {@code localhost:11434}. {@code --llm-model} names the model; else the first chat model the server lists (OpenAI:
 * {@value #OPENAI_DEFAULT_MODEL}).
 */
public final class LlmDiscovery {

    public static final String OPENAI_URL = "https://api.openai.com/v1";
    public static final String OLLAMA_URL = "http://localhost:11434/v1";
    static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";

    /** What was found: an LLM, or one line saying how to give one. */
    public sealed interface Outcome {}

    public record Found(LocalLlm llm) implements Outcome {}

    public record NotFound(String advice) implements Outcome {}

    private final Map<String, String> env;
    private final String ollamaUrl;
    private final ModelList models;

    /**
     * Looks in {@code env} and at {@code ollamaUrl}.
     *
     * @param env       the environment to read {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL} and
     *                  {@code LLM_API_KEY} from
     * @param ollamaUrl where an Ollama would answer ({@value #OLLAMA_URL})
     * @param timeout   how long each server gets to list its models
     */
    public LlmDiscovery(Map<String, String> env, String ollamaUrl, Duration timeout) {
        this.env = Map.copyOf(env);
        this.ollamaUrl = ollamaUrl;
        this.models = new ModelList(timeout);
    }

    /**
     * The LLM to use, or advice.
     *
     * @param url   {@code --llm}
     * @param model {@code --llm-model}
     * @throws IllegalArgumentException when {@code --llm} names a server that cannot be used; the message says
     *     why and what to do
     */
    public Outcome find(Optional<String> url, Optional<String> model) throws InterruptedException {
        if (url.isPresent()) {
            Optional<String> key = variable("LLM_API_KEY");
            String chosen = model.isPresent() ? model.get() : firstModel(url.get(), key);
            return new Found(new LocalLlm("--llm", url.get(), chosen, key, false));
        }
        Optional<String> openAiKey = variable("OPENAI_API_KEY");
        if (openAiKey.isPresent()) {
            Optional<String> baseUrl = variable("OPENAI_BASE_URL");
            return new Found(new LocalLlm(
                    baseUrl.isPresent() ? "OPENAI_API_KEY, OPENAI_BASE_URL" : "OPENAI_API_KEY",
                    baseUrl.orElse(OPENAI_URL),
                    model.orElse(OPENAI_DEFAULT_MODEL),
                    openAiKey,
                    true));
        }
        List<String> ollamaModels;
        try {
            ollamaModels = models.of(ollamaUrl, Optional.empty());
        } catch (IOException notThere) {
            return new NotFound("no LLM found: set OPENAI_API_KEY, start an Ollama on localhost:11434 (ollama serve) "
                    + "or pass --llm URL; until then agents with spec.codeRef, models and tools run, synthesis waits");
        }
        if (model.isEmpty() && ollamaModels.isEmpty()) {
            return new NotFound("the Ollama on localhost:11434 has no model: pull one (ollama pull llama3.2) "
                    + "and start langop local again");
        }
        return new Found(new LocalLlm(
                "Ollama on localhost:11434",
                ollamaUrl,
                model.orElse(chatModel(ollamaModels)),
                Optional.empty(),
                false));
    }

    private String firstModel(String url, Optional<String> key) throws InterruptedException {
        List<String> listed;
        try {
            listed = models.of(url, key);
        } catch (IOException failed) {
            throw new IllegalArgumentException("--llm " + url + ": cannot list its models (" + describe(failed)
                    + "); start it, correct the URL (OpenAI-compatible, with /v1) or name the model with --llm-model");
        }
        if (listed.isEmpty()) {
            throw new IllegalArgumentException(
                    "--llm " + url + " lists no model; load one there or name it with --llm-model");
        }
        return chatModel(listed);
    }

    /** The first model that can chat: servers list their embedding models too (nomic-embed-text, ...). */
    static String chatModel(List<String> models) {
        return models.stream()
                .filter(model -> !model.toLowerCase(java.util.Locale.ROOT).contains("embed"))
                .findFirst()
                .orElse(models.getFirst());
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** An exception's message, or its type where it has none (a refused connection has none). */
    static String describe(Exception failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
