package io.langop.wire;

import static io.langop.wire.MeterName.Kind.COUNTER;
import static io.langop.wire.MeterName.Kind.GAUGE;
import static io.langop.wire.MeterName.Kind.TIMER;

import java.util.List;

/**
 * Every meter langop's processes export on {@code /metrics} (and a scheduled agent pushes over OTLP), with the
 * tags each carries. Code registers meters by these names, and the chart's Grafana dashboard and PrometheusRule
 * may query only their {@link MeterName#series() series} (a test of the chart checks it), so that renaming a
 * meter cannot silently empty a panel or mute an alert. JVM and process meters (Micrometer's binders) and the
 * operator's JOSDK meters come on top.
 */
public final class Meters {

    // agent runtime

    /** Tag {@code outcome}: {@code succeeded}, {@code failed}, {@code stuck}, {@code constraint_<kind>}. */
    public static final MeterName AGENT_RUNS = new MeterName("langop_agent_runs", COUNTER, "Runs by outcome");

    public static final MeterName AGENT_RUN_DURATION =
            new MeterName("langop_agent_run_duration", TIMER, "How long runs took, by outcome");
    /** Tag {@code kind}: {@code input}, {@code output}. Runs and chat turns together. */
    public static final MeterName AGENT_TOKENS =
            new MeterName("langop_agent_tokens", COUNTER, "Tokens the agent's model calls used, by kind");

    public static final MeterName AGENT_LLM_REQUESTS =
            new MeterName("langop_agent_llm_requests", COUNTER, "Model requests of runs and chat turns");
    /** Tags {@code model}, {@code outcome} ({@code success}, {@code error}); retries are part of one call. */
    public static final MeterName AGENT_LLM_CALL_DURATION =
            new MeterName("langop_agent_llm_call_duration", TIMER, "Model calls of the agent, retries included");
    /** Tags {@code tool}, {@code outcome} ({@code success}, {@code error}). */
    public static final MeterName AGENT_TOOL_CALL_DURATION =
            new MeterName("langop_agent_tool_call_duration", TIMER, "MCP tool calls of the agent, as it waited");
    /** Tag {@code outcome}: {@code answered}, {@code refused} (a constraint), {@code failed}. */
    public static final MeterName AGENT_CHAT_TURNS =
            new MeterName("langop_agent_chat_turns", COUNTER, "Chat requests of the interactive mode, by outcome");

    public static final MeterName AGENT_CHAT_TURN_DURATION =
            new MeterName("langop_agent_chat_turn_duration", TIMER, "How long chat requests took, by outcome");
    /**
     * Tag {@code seen_by}: {@code this_replica} (answered "delivered before"), {@code another_replica} (kept here too,
     * claimed first by another replica in the agent's memory store).
     */
    public static final MeterName AGENT_REPEATED_DELIVERIES = new MeterName(
            "langop_agent_repeated_deliveries", COUNTER, "Trigger deliveries that started no run: delivered before");

    public static final MeterName AGENT_APPROVALS_PENDING =
            new MeterName("langop_agent_approvals_pending", GAUGE, "Tool calls that wait for a person's approval");

    // tool servers (ToolServer: the web and email tools, and any written with the kit)

    /** Tags {@code tool}, {@code outcome} ({@code success}, {@code error}, {@code invalid_arguments}, {@code exception}). */
    public static final MeterName TOOL_CALLS =
            new MeterName("langop_tool_calls", TIMER, "MCP tools/call handling time by tool and outcome");

    // forwarded triggers (the operator's kubernetes-event and schedule triggers, the email tool's mail triggers)

    /**
     * Tags {@code trigger_type} ({@code kubernetes-event}, {@code schedule}, {@code mail}), {@code outcome}
     * ({@code delivered}: the agent answered 2xx; {@code failed}: it refused the event as broken, 400 or 413).
     */
    public static final MeterName TRIGGER_DELIVERIES = new MeterName(
            "langop_trigger_deliveries", COUNTER, "Events forwarded to agents' webhooks, by trigger type and outcome");
    /**
     * Tags {@code trigger_type}, {@code reason} of the attempt that is repeated: {@code throttled} (429),
     * {@code unauthorized} (401), {@code not_ready} (404), {@code server_error} (5xx), {@code unreachable} (no
     * answer), {@code other}.
     */
    public static final MeterName TRIGGER_DELIVERY_RETRIES = new MeterName(
            "langop_trigger_delivery_retries", COUNTER, "Attempts to forward an event that are made again, by reason");
    /** Tags {@code trigger_type}, {@code outcome}: from an event's first attempt to its last, pauses included. */
    public static final MeterName TRIGGER_DELIVERY_DURATION = new MeterName(
            "langop_trigger_delivery_duration",
            TIMER,
            "How long forwarding an event took until the agent had it or refused it, retries included");

    // model proxy

    /** Tags {@code model}, {@code client}, {@code outcome}: {@code answered}, {@code cache_hit}, {@code error_<status>}. */
    public static final MeterName PROXY_REQUESTS =
            new MeterName("langop_proxy_requests", COUNTER, "Requests by model, client and outcome");
    /** Tags {@code model}, {@code outcome}: {@code answered}, {@code cache_hit}, {@code broken} (ended in an error). */
    public static final MeterName PROXY_REQUEST_DURATION = new MeterName(
            "langop_proxy_request_duration", TIMER, "From a request's admission to the end of its answer");
    /** Tags {@code model}, {@code client}, {@code type}: {@code prompt}, {@code completion}. */
    public static final MeterName PROXY_TOKENS =
            new MeterName("langop_proxy_tokens", COUNTER, "Tokens charged, by model, client and type");
    /** Tags {@code model}, {@code client}, {@code currency}: one series name whatever the currency. */
    public static final MeterName PROXY_COST =
            new MeterName("langop_proxy_cost", COUNTER, "Cost charged, by model, client and currency");
    /** Tags {@code model}, {@code result}: {@code hit}, {@code miss}. */
    public static final MeterName PROXY_CACHE =
            new MeterName("langop_proxy_cache", COUNTER, "Cache lookups of cacheable requests");
    /** Tags {@code client}, {@code result} (a run outcome as {@link RunReport} carries it). */
    public static final MeterName PROXY_RUNS =
            new MeterName("langop_proxy_runs", COUNTER, "Runs the proxy's clients reported having ended");

    // operator

    /**
     * Tags {@code controller} (the reconciled kind in lower case: {@code languageagent}), {@code operation}
     * ({@code reconcile}, {@code cleanup}),
     * {@code outcome} ({@code success}, {@code error}).
     */
    public static final MeterName OPERATOR_RECONCILE_DURATION =
            new MeterName("langop_operator_reconcile_duration", TIMER, "Reconciles and cleanups by kind");

    /**
     * Tag {@code outcome}: {@code succeeded} (checked code), {@code refused} (still failing its checks or dry run
     * after the last repair round), {@code unavailable} (the LLM could not be asked), {@code error}.
     */
    public static final MeterName OPERATOR_SYNTHESES =
            new MeterName("langop_operator_syntheses", COUNTER, "Agent syntheses by outcome");

    public static final MeterName OPERATOR_SYNTHESIS_DURATION = new MeterName(
            "langop_operator_synthesis_duration",
            TIMER,
            "How long a synthesis took, repair rounds and dry runs included");

    // console

    public static final MeterName CONSOLE_FIRST_EVENT = new MeterName(
            "langop_console_first_event", TIMER, "Time from a chat request to the first event of its answer");

    private static final List<MeterName> ALL = List.of(
            AGENT_RUNS,
            AGENT_RUN_DURATION,
            AGENT_TOKENS,
            AGENT_LLM_REQUESTS,
            AGENT_LLM_CALL_DURATION,
            AGENT_TOOL_CALL_DURATION,
            AGENT_CHAT_TURNS,
            AGENT_CHAT_TURN_DURATION,
            AGENT_APPROVALS_PENDING,
            AGENT_REPEATED_DELIVERIES,
            TOOL_CALLS,
            TRIGGER_DELIVERIES,
            TRIGGER_DELIVERY_RETRIES,
            TRIGGER_DELIVERY_DURATION,
            PROXY_REQUESTS,
            PROXY_REQUEST_DURATION,
            PROXY_TOKENS,
            PROXY_COST,
            PROXY_CACHE,
            PROXY_RUNS,
            OPERATOR_RECONCILE_DURATION,
            OPERATOR_SYNTHESES,
            OPERATOR_SYNTHESIS_DURATION,
            CONSOLE_FIRST_EVENT);

    private Meters() {}

    public static List<MeterName> all() {
        return ALL;
    }
}
