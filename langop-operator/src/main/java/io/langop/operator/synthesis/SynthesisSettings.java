package io.langop.operator.synthesis;

import java.time.Duration;
import java.util.Optional;

/**
 * How the operator writes agents: the default synthesis LLM (any OpenAI-compatible endpoint), the
 * repair rounds, and what bounds cost and retries.
 *
 * @param endpoint      OpenAI-compatible base URL including {@code /v1}; may be empty when every agent names
 *                      its own {@code spec.synthesis.modelRef}
 * @param model         model name of the default synthesis LLM; empty turns synthesis off
 * @param apiKey        API key of {@code endpoint} (from a Secret, through the environment); never logged
 * @param repairRounds  rounds in which compiler and policy diagnostics go back to the LLM
 * @param namespaceBurst syntheses a namespace may start at once
 * @param namespaceRefill time in which a namespace earns one more synthesis
 * @param firstRetry    wait after the first failed LLM call; doubled per failure up to ten minutes
 * @param llmTimeout    how long one LLM answer may take
 * @param concurrentRuns LLM conversations running at once across all agents
 */
public record SynthesisSettings(
        Optional<String> endpoint,
        Optional<String> model,
        Optional<String> apiKey,
        int repairRounds,
        int namespaceBurst,
        Duration namespaceRefill,
        Duration firstRetry,
        Duration llmTimeout,
        int concurrentRuns) {

    public static final int DEFAULT_REPAIR_ROUNDS = 3;
    public static final int DEFAULT_NAMESPACE_BURST = 10;
    public static final Duration DEFAULT_NAMESPACE_REFILL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LLM_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_CONCURRENT_RUNS = 4;

    public SynthesisSettings {
        endpoint = endpoint.filter(value -> !value.isBlank());
        model = model.filter(value -> !value.isBlank());
        apiKey = apiKey.filter(value -> !value.isBlank());
        if (repairRounds < 0) {
            throw new IllegalArgumentException("synthesis repair rounds cannot be negative, got " + repairRounds);
        }
        if (namespaceBurst < 1) {
            throw new IllegalArgumentException(
                    "the namespace synthesis budget must be at least 1, got " + namespaceBurst);
        }
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("at least one synthesis must be allowed to run, got " + concurrentRuns);
        }
        for (Duration positive : new Duration[] {namespaceRefill, firstRetry, llmTimeout}) {
            if (positive.isZero() || positive.isNegative()) {
                throw new IllegalArgumentException("synthesis durations must be positive, got " + positive);
            }
        }
    }

    /** Synthesis off: agents with instructions and no {@code codeRef} say so in a condition. */
    public static SynthesisSettings disabled() {
        return new SynthesisSettings(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_REPAIR_ROUNDS,
                DEFAULT_NAMESPACE_BURST,
                DEFAULT_NAMESPACE_REFILL,
                DEFAULT_FIRST_RETRY,
                DEFAULT_LLM_TIMEOUT,
                DEFAULT_CONCURRENT_RUNS);
    }

    public boolean enabled() {
        return model.isPresent();
    }

    /** The default target, when an endpoint and a model are configured. */
    public Optional<SynthesisTarget> defaultTarget() {
        return endpoint.flatMap(url -> model.map(name -> new SynthesisTarget(url, name, true)));
    }

    /**
     * {@code text} with the API key and any credentials in URLs masked: LLM error bodies can echo them,
     * and such text ends up in status, events and logs.
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = apiKey.map(key -> text.replace(key, "<redacted>")).orElse(text);
        return masked.replaceAll("(?<=://)[^/@\\s]+@", "<redacted>@");
    }

    @Override
    public String toString() {
        // the key stays out of every log line that prints the settings
        return "SynthesisSettings[endpoint=" + endpoint.orElse("-") + ", model=" + model.orElse("-")
                + ", apiKey=" + (apiKey.isPresent() ? "<set>" : "<unset>") + ", repairRounds=" + repairRounds
                + ", namespaceBurst=" + namespaceBurst + "/" + namespaceRefill + "]";
    }
}
