package io.langop.operator.synthesis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one synthesis produced: the checked source, or the diagnostics that were still open after the
 * last repair round; always the cost of getting there.
 *
 * @param attempts LLM answers asked for (1 + repair rounds used)
 * @param errors diagnostics of the last refused answer, empty on success
 */
public record SynthesisResult(
        Optional<String> source,
        String model,
        int attempts,
        long promptTokens,
        long completionTokens,
        Duration duration,
        List<String> errors) {

    public SynthesisResult {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return source.isPresent();
    }
}
