package io.langop.operator.synthesis;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The command-line options naming the LLM that writes agents, shared by the operator and {@code langop local}
 * (a picocli mixin). The key never comes from the command line, where {@code ps} would show it: env
 * {@code SYNTHESIS_API_KEY} only.
 */
public final class SynthesisModelOptions {

    @Option(
            names = "--synthesis-endpoint",
            paramLabel = "URL",
            defaultValue = "${env:SYNTHESIS_ENDPOINT}",
            description = "OpenAI-compatible base URL (with /v1) of the LLM that writes agents, e.g. a local Ollama's "
                    + "http://localhost:11434/v1; env SYNTHESIS_ENDPOINT.")
    String endpoint;

    @Option(
            names = "--synthesis-model",
            paramLabel = "MODEL",
            defaultValue = "${env:SYNTHESIS_MODEL}",
            description =
                    "Model that writes agents; env SYNTHESIS_MODEL. Unset: synthesis is off and agents need "
                            + "spec.codeRef. The API key is read from env SYNTHESIS_API_KEY (in a cluster, mount it from a Secret).")
    String model;

    /** {@code base} with the endpoint and model given here and the key from the environment. */
    public SynthesisSettings applyTo(SynthesisSettings base) {
        return new SynthesisSettings(
                Optional.ofNullable(endpoint),
                Optional.ofNullable(model),
                Optional.ofNullable(System.getenv("SYNTHESIS_API_KEY")),
                base.repairRounds(),
                base.namespaceBurst(),
                base.namespaceRefill(),
                base.firstRetry(),
                base.llmTimeout(),
                base.concurrentRuns());
    }
}
