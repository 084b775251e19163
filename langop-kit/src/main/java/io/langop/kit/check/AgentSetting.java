package io.langop.kit.check;

import io.langop.kit.catalog.ToolCatalog;
import io.langop.sdk.agent.ExecutionMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an agent will run, as far as its code must agree with it: the tools it will have, and the
 * execution mode and schedule its LanguageAgent gives it. The semantic check holds a definition against
 * this; what is unknown (empty, or an incomplete catalog) is not checked.
 */
public record AgentSetting(ToolCatalog tools, Optional<ExecutionMode> mode, Optional<String> schedule) {

    /** Nothing known: only what the code says about itself is checked (its step graph and placeholders). */
    public static final AgentSetting UNKNOWN =
            new AgentSetting(ToolCatalog.UNKNOWN, Optional.empty(), Optional.empty());

    public AgentSetting {
        Objects.requireNonNull(tools, "tools");
        mode = Objects.requireNonNullElse(mode, Optional.empty());
        schedule = Objects.requireNonNullElse(schedule, Optional.empty());
    }
}
