package io.langop.wire;

/** Ports, HTTP paths and environment variables every langop server shares. */
public final class ServiceWire {

    /** The environment variable a server reads its port from. */
    public static final String PORT_ENV = "PORT";
    /**
     * The environment variable naming the one address a server listens on (an IP literal: {@code 127.0.0.1},
     * {@code ::1}, the pod IP); unset, a server listens on every interface.
     */
    public static final String BIND_ADDRESS_ENV = "BIND_ADDRESS";
    /** The port of tool servers, model proxies and chat clients. */
    public static final int DEFAULT_PORT = 8080;
    /** The port of agents: not {@link #DEFAULT_PORT}, which a sidecar tool in the same pod listens on. */
    public static final int AGENT_PORT = 8000;

    /**
     * The header an interactive agent's chat client names its conversation with: the agent keeps the session's
     * history in its memory store and puts it before the request's messages, so the client sends only new ones.
     */
    public static final String SESSION_HEADER = "X-Langop-Session";

    public static final String HEALTH_PATH = "/healthz";
    public static final String READY_PATH = "/readyz";
    public static final String METRICS_PATH = "/metrics";

    /** An interactive agent's OpenAI-compatible chat endpoint (plain, or server-sent events with stream: true). */
    public static final String AGENT_CHAT_PATH = "/v1/chat/completions";

    /** MCP's streamable HTTP transport. */
    public static final String MCP_PATH = "/mcp";
    /** MCP's earlier HTTP+SSE transport. */
    public static final String MCP_SSE_PATH = "/sse";

    /** The model proxy's configuration file. */
    public static final String PROXY_CONFIG_ENV = "PROXY_CONFIG";

    /** The model proxy's counters of usage, cost and runs per model and per client (a usage-reading key only). */
    public static final String PROXY_USAGE_PATH = "/usage";
    /** Where an agent reports each run's end to its model proxy, as a {@link RunReport}, with its own key. */
    public static final String PROXY_RUNS_PATH = "/runs";
    /**
     * Where an agent tells its model proxy, with its own key, which of its tool calls wait for a person's approval
     * now (a {@link PendingApprovals} list, the whole of it each time it changes).
     */
    public static final String PROXY_APPROVALS_PATH = "/approvals";

    public static final String LOG_LEVEL_ENV = "LOG_LEVEL";
    public static final String LOG_FORMAT_ENV = "LOG_FORMAT";

    private ServiceWire() {}
}
