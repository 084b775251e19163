package io.langop.api.v1alpha1.agent;

/**
 * The condition types of a LanguageAgent's status: what the operator sets and what clients (the CLI, the console,
 * kubectl users' scripts) read.
 */
public final class AgentConditions {

    /** A pod runs the agent's current code, or its scheduled workload is in place. */
    public static final String READY = "Ready";

    public static final String REFERENCES_RESOLVED = "ReferencesResolved";
    /** Code was written from the current instructions, tools, models and persona. */
    public static final String SYNTHESIZED = "Synthesized";
    /** The code passed the compile, the safety policy and the semantic check. */
    public static final String VALIDATED = "Validated";
    /** The code ran once on stand-in answers. */
    public static final String DRY_RUN = "DryRun";
    /** The workload runs the current code (not an earlier one, nor the instructions alone while none is written). */
    public static final String CODE_UPDATED = "CodeUpdated";
    /** The last good code was put back after new code's first runs failed. */
    public static final String ROLLED_BACK = "RolledBack";

    private AgentConditions() {}
}
