package io.langop.local;

import io.langop.local.llm.LlmDiscovery;
import io.langop.local.llm.LocalLlm;
import io.langop.operator.OperatorSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LocalRun} is given besides its manifests.
 *
 * @param settings  the operator's settings, synthesis included
 * @param llm       the LLM found (or why none was), for models that cannot reach their own endpoint
 * @param localMail whether every email tool sends to and reads the local mailbox
 */
public record LocalSetup(OperatorSettings settings, LlmDiscovery.Outcome llm, boolean localMail) {

    public LocalSetup {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(llm, "llm");
    }

    /** A run that looks for no LLM (tests that bring their own); email tools use the local mailbox. */
    public static LocalSetup withoutLlm(OperatorSettings settings) {
        return new LocalSetup(settings, new LlmDiscovery.NotFound("no LLM looked for"), true);
    }

    public Optional<LocalLlm> foundLlm() {
        return llm instanceof LlmDiscovery.Found found ? Optional.of(found.llm()) : Optional.empty();
    }
}
