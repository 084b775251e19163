package io.langop.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The webhook triggers of an event-driven agent, as the operator writes them from {@code spec.eventTriggers} (JSON, in
 * {@link AgentEnv#AGENT_TRIGGERS}) and the agent runtime serves them. Records map to JSON by their component names;
 * readers ignore fields they do not know.
 *
 * @param webhooks one endpoint each, under {@link #PATH}
 */
public record AgentTriggers(List<Webhook> webhooks) {

    /** The agent's webhook endpoints: {@code /webhook} itself for an unnamed trigger, {@code /webhook/<name>}. */
    public static final String PATH = "/webhook";

    /** The largest body a trigger's endpoint reads: a larger delivery is answered 413. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** GitHub's signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
    public static final String GITHUB = "github";
    /** GitLab's secret token, sent as it is in {@code X-Gitlab-Token}. */
    public static final String GITLAB = "gitlab";
    /** langop's HMAC over timestamp and body ({@link #SIGNATURE_HEADER}, {@link #TIMESTAMP_HEADER}). */
    public static final String HMAC = "hmac";
    /** No authentication: for endpoints that only a NetworkPolicy or a mesh lets callers reach. */
    public static final String NONE = "none";

    /** {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}, with the trigger's secret as key. */
    public static final String SIGNATURE_HEADER = "X-Langop-Signature";
    /** The Unix time in seconds at which the sender signed; outside the replay window the request is refused. */
    public static final String TIMESTAMP_HEADER = "X-Langop-Timestamp";
    /** The sender's id of a delivery: a delivery repeated with the same id starts no second run. */
    public static final String DELIVERY_HEADER = "X-Langop-Delivery";

    /**
     * The key of a trigger's generated secret in Secret {@code <agent>-}{@value ObjectNames#WEBHOOKS_ROLE}: {@code
     * webhook} for the unnamed webhook, else {@code webhook-<name>}.
     */
    public static String secretKey(String name) {
        return name == null || name.isEmpty() ? "webhook" : "webhook-" + name;
    }

    public AgentTriggers {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    /**
     * One webhook endpoint.
     *
     * @param name the path segment after {@link #PATH}; empty: {@link #PATH} itself
     * @param authentication {@link #GITHUB}, {@link #GITLAB}, {@link #HMAC} or {@link #NONE}
     * @param secretEnv the environment variable holding the trigger's secret (none for {@link #NONE})
     * @param filter dotted paths over {@code event}, {@code headers} and {@code ce} and the text each must equal
     * @param condition a CEL expression over {@code event}, {@code headers} and {@code ce} that must be true
     * @param mapping the run's event: each field a CEL expression over the same variables; empty: the payload as sent
     */
    public record Webhook(
            String name,
            String authentication,
            String secretEnv,
            Map<String, String> filter,
            String condition,
            Map<String, String> mapping) {

        public Webhook {
            name = name == null ? "" : name;
            authentication = authentication == null ? HMAC : authentication;
            // in a stable order: the operator's JSON of them is part of the pod template
            filter = filter == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(filter));
            mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        }

        /** The endpoint's path. */
        public String path() {
            return name.isEmpty() ? PATH : PATH + "/" + name;
        }
    }
}
