package io.langop.wire;

/**
 * How the operator names and labels the objects it makes for a custom resource, which the {@code langop} command
 * finds them by: {@code <resource>-<role>} ({@code digest-agent} is the Deployment or CronJob of agent
 * {@code digest}, and its Service; {@code digest-code} holds its synthesized code), and labels naming the kind and
 * the resource on every object and pod.
 */
public final class ObjectNames {

    /** The kind of the custom resource the object is made for, e.g. {@code LanguageAgent}. */
    public static final String KIND_LABEL = "langop.io/kind";
    /** The name of that custom resource. */
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    /** The part the object plays, e.g. {@code agent}. */
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    /** An agent's workload (Deployment or CronJob), its pods' component and its Service. */
    public static final String AGENT_ROLE = "agent";
    /** The container of an agent pod that runs the agent (its sidecar tools have their own). */
    public static final String AGENT_CONTAINER = "agent";
    /** The ConfigMap an agent's synthesized code is written to. */
    public static final String CODE_ROLE = "code";
    /** The ConfigMap that keeps the last synthesized code a run of the agent succeeded with. */
    public static final String GOOD_CODE_ROLE = "good-code";

    /** The Secret of an agent's generated trigger secrets, one key per trigger ({@link AgentTriggers#secretKey}). */
    public static final String WEBHOOKS_ROLE = "webhooks";
    /**
     * The ConfigMap in which the operator keeps what it delivered of an agent's forwarded triggers (the resource
     * versions of watched objects, a schedule's last time), so that a restarted operator delivers what it missed.
     */
    public static final String TRIGGERS_ROLE = "triggers";

    private ObjectNames() {}

    /** {@code <resource>-<role>}, e.g. {@code news-agent}. */
    public static String of(String resource, String role) {
        return resource + "-" + role;
    }
}
