package io.langop.wire;

/**
 * Environment variables of an agent container: the operator (and {@code langop local}) sets them, the agent runtime
 * reads them. A name lives here once so that renaming it breaks the build, not a rollout.
 */
public final class AgentEnv {

    public static final String AGENT_NAME = "AGENT_NAME";
    public static final String AGENT_NAMESPACE = "AGENT_NAMESPACE";
    /** The execution mode's wire name ({@code autonomous}, {@code scheduled}, ...); unset: the code's mode. */
    public static final String AGENT_MODE = "AGENT_MODE";

    public static final String AGENT_GOAL = "AGENT_GOAL";
    /** Instructions given inline, as {@code langop run} users do; {@link #AGENT_INSTRUCTIONS_PATH} wins. */
    public static final String AGENT_INSTRUCTIONS = "AGENT_INSTRUCTIONS";
    /**
     * The file holding the agent's instructions (see {@link AgentFiles#INSTRUCTIONS_PATH}). The operator passes
     * instructions as a file because one environment variable holds at most 128 KiB (Linux's limit per string):
     * longer ones made the container fail to start.
     */
    public static final String AGENT_INSTRUCTIONS_PATH = "AGENT_INSTRUCTIONS_PATH";

    public static final String AGENT_MAX_ITERATIONS = "AGENT_MAX_ITERATIONS";
    /** A run's time limit: ISO-8601 ({@code PT10M}), seconds, or {@code 10m}/{@code 1h30m}/{@code 45s}. */
    public static final String AGENT_TIMEOUT = "AGENT_TIMEOUT";
    /**
     * The spec's other limits as one JSON object ({@link AgentLimits}): safety settings, rate limits, the persona's
     * blocked topics. One variable keeps them together; it holds at most 128 KiB, which only content filter patterns
     * (at most 32) or blocked topics of extraordinary length could fill.
     */
    public static final String AGENT_LIMITS = "AGENT_LIMITS";
    /** The path of the agent's source file (see {@link AgentFiles#CODE_PATH}). */
    public static final String AGENT_CODE_PATH = "AGENT_CODE_PATH";

    /**
     * The HMAC key of the one webhook an agent serves without {@link #AGENT_TRIGGERS} ({@code langop run}); unset:
     * unsigned.
     */
    public static final String AGENT_WEBHOOK_SECRET = "AGENT_WEBHOOK_SECRET";
    /** An event-driven agent's webhook triggers as JSON ({@link AgentTriggers}); unset: one unsigned {@code /webhook}. */
    public static final String AGENT_TRIGGERS = "AGENT_TRIGGERS";
    /** Events accepted and not yet run that an agent holds before it answers 429 (default 100). */
    public static final String AGENT_EVENT_QUEUE = "AGENT_EVENT_QUEUE";
    /**
     * The bearer token that the agent's approval endpoints ({@link AgentApprovals}) require; the operator passes it
     * from the Secret key of the agent's {@code safetyConfig.approvalTokenSecretRef}. Unset, nobody can decide on an
     * approval.
     */
    public static final String AGENT_APPROVAL_TOKEN = "AGENT_APPROVAL_TOKEN";

    public static final String AGENT_CYCLE_PAUSE = "AGENT_CYCLE_PAUSE";
    public static final String AGENT_MAX_CYCLES = "AGENT_MAX_CYCLES";
    public static final String AGENT_IDLE_WHEN_DONE = "AGENT_IDLE_WHEN_DONE";
    /** How long a run (or chat request) that overstayed its timeout gets to stop once interrupted. */
    public static final String AGENT_STOP_GRACE = "AGENT_STOP_GRACE";

    /**
     * {@code true}: the runtime reports each run's end to its (first) model proxy with its key
     * ({@link ServiceWire#PROXY_RUNS_PATH}), where the operator reads executions and successes. Set by the
     * operator, whose proxies accept the reports; off by default, since other endpoints (OpenAI's) do not.
     */
    public static final String AGENT_REPORT_RUNS = "AGENT_REPORT_RUNS";
    /**
     * SHA-256 of the code the container runs, as the pod's {@link PodAnnotations#CODE_HASH} says it: each run report
     * carries it ({@link RunReport#codeHash()}), so the operator tells the runs of new code from those of the code
     * before and rolls back new code whose first runs fail. Unset (e.g. {@code langop run}): reports carry none.
     */
    public static final String AGENT_CODE_HASH = "AGENT_CODE_HASH";

    public static final String WORKSPACE_PATH = "WORKSPACE_PATH";

    /** Where the agent's memory is kept: {@code workspace} (the default), {@code redis}, {@code postgres}, {@code s3}. */
    public static final String MEMORY_STORE = "MEMORY_STORE";
    /** The memory store's connection string, credentials included: always from a Secret, never a literal value. */
    public static final String MEMORY_URL = "MEMORY_URL";
    /** Turns kept per conversation (the spec's {@code memoryStore.retentionPolicy.maxMessages}). */
    public static final String MEMORY_MAX_MESSAGES = "MEMORY_MAX_MESSAGES";
    /** The largest document the agent may store, in bytes. */
    public static final String MEMORY_MAX_DOCUMENT_BYTES = "MEMORY_MAX_DOCUMENT_BYTES";

    /** Comma-separated OpenAI-compatible base URLs, one per model (the model proxies). */
    public static final String MODEL_ENDPOINTS = "MODEL_ENDPOINTS";
    /** Comma-separated model names, in the order of {@link #MODEL_ENDPOINTS}. */
    public static final String LLM_MODEL = "LLM_MODEL";

    public static final String LLM_TIMEOUT = "LLM_TIMEOUT";
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    /** Comma-separated MCP server URLs. */
    public static final String MCP_SERVERS = "MCP_SERVERS";

    public static final String PERSONA_NAME = "PERSONA_NAME";
    public static final String PERSONA_SYSTEM_PROMPT = "PERSONA_SYSTEM_PROMPT";
    public static final String PERSONA_TONE = "PERSONA_TONE";
    public static final String PERSONA_LANGUAGE = "PERSONA_LANGUAGE";

    private AgentEnv() {}
}
