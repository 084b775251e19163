package io.langop.operator.synthesis;

import io.langop.kit.dryrun.DryRunReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one synthesis produced: the checked source, or the diagnostics that were still open after the
 * last repair round; always the cost of getting there.
 *
 * @param attempts LLM answers asked for (1 + repair rounds used)
 * @param errors diagnostics of the last refused answer (or its dry run's failure), empty on success
 * @param dryRun the dry run of the last answer; empty when that answer did not pass the checks
 */
public record SynthesisResult(
        Optional<String> source,
        String model,
        int attempts,
        long promptTokens,
        long completionTokens,
        Duration duration,
        List<String> errors,
        Optional<DryRunReport> dryRun) {

    public SynthesisResult {
        errors = List.copyOf(errors);
        dryRun = java.util.Objects.requireNonNullElse(dryRun, Optional.empty());
    }

    public boolean succeeded() {
        return source.isPresent();
    }
}
