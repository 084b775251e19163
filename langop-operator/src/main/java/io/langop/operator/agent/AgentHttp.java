package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.wire.ServiceWire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP side of a continuously running agent: the port its runtime serves health, metrics, chat
 * and webhooks on, the probes on it, and which agents are reachable through a Service. Sidecar tools
 * share the pod's network, so their ports must differ from the agent's and from each other.
 */
public final class AgentHttp {

    /**
     * The agent's port unless {@code spec.env} sets {@code PORT}. Not 8080, the default port of tool
     * servers, so that a sidecar tool with the default port does not collide with its agent.
     */
    static final int DEFAULT_PORT = 8000;

    public static final String PORT_NAME = "http";
    static final String PORT_ENV = ServiceWire.PORT_ENV;

    private AgentHttp() {}

    /** Scheduled agents run once and exit; every other mode serves HTTP while it runs. */
    static boolean serves(LanguageAgent agent) {
        return !AgentPlan.isScheduled(agent);
    }

    /**
     * Whether the agent's port is open: in every serving mode, and in a scheduled run whose tool calls wait for
     * approvals, which people decide at that port (without probes: the port opens only once the run starts).
     */
    static boolean listens(LanguageAgent agent) {
        return serves(agent) || AgentLimitsVariable.requiresApproval(agent.getSpec());
    }

    /** Interactive agents take chat requests and event-driven ones webhooks: both need a Service. */
    public static boolean exposed(LanguageAgent agent) {
        ExecutionMode mode = agent.getSpec().getExecutionMode();
        return mode == ExecutionMode.INTERACTIVE || mode == ExecutionMode.EVENT_DRIVEN;
    }

    public static boolean interactive(LanguageAgent agent) {
        return agent.getSpec().getExecutionMode() == ExecutionMode.INTERACTIVE;
    }

    /** Base URL of an exposed agent's Service, e.g. {@code http://news-agent.team.svc.cluster.local:8000}. */
    public static String url(LanguageAgent agent) {
        return "http://" + Labels.name(agent, "agent") + "."
                + agent.getMetadata().getNamespace() + ".svc.cluster.local:" + port(agent);
    }

    static int port(LanguageAgent agent) {
        return userPort(agent).map(AgentHttp::parse).filter(p -> p > 0).orElse(DEFAULT_PORT);
    }

    /** A {@code PORT} in {@code spec.env} the operator cannot probe and expose, or null. */
    static String envProblem(LanguageAgent agent) {
        Optional<String> value = userPort(agent);
        if (value.isEmpty() || !listens(agent)) {
            return null;
        }
        return parse(value.get()) > 0
                ? null
                : "spec.env PORT must be a literal port number (1-65535): the agent's probes and Service use it";
    }

    /**
     * Sidecar tools whose port is taken by the agent or by another sidecar of the same pod: each
     * would fail to bind, so the pod could never become ready.
     */
    static List<String> portConflicts(LanguageAgent agent, List<LanguageTool> sidecars) {
        Map<Integer, String> taken = new HashMap<>();
        if (listens(agent)) {
            taken.put(port(agent), "the agent");
        }
        List<String> conflicts = new ArrayList<>();
        for (LanguageTool tool : sidecars) {
            int port = ToolEndpoint.port(tool);
            String name = "sidecar tool " + tool.getMetadata().getName();
            String holder = taken.putIfAbsent(port, name);
            if (holder != null) {
                conflicts.add(name + " listens on port " + port + ", which " + holder + " already uses;"
                        + " give the tool another spec.port");
            }
        }
        return conflicts;
    }

    static Probe readiness() {
        return get(ServiceWire.READY_PATH)
                .withPeriodSeconds(5)
                .withTimeoutSeconds(2)
                .withFailureThreshold(3)
                .build();
    }

    static Probe liveness() {
        return get(ServiceWire.HEALTH_PATH)
                .withPeriodSeconds(10)
                .withTimeoutSeconds(2)
                .withFailureThreshold(3)
                .build();
    }

    /** Start-up (JVM start and loading the agent's code) may take a while; liveness waits for it. */
    static Probe startup() {
        return get(ServiceWire.HEALTH_PATH)
                .withPeriodSeconds(2)
                .withTimeoutSeconds(2)
                .withFailureThreshold(90)
                .build();
    }

    private static ProbeBuilder get(String path) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(PORT_NAME))
                .endHttpGet();
    }

    private static Optional<String> userPort(LanguageAgent agent) {
        return Objects.requireNonNullElse(agent.getSpec().getEnv(), List.<EnvVar>of()).stream()
                .filter(variable -> PORT_ENV.equals(variable.getName()))
                .reduce((first, second) -> second)
                .map(variable ->
                        variable.getValueFrom() != null ? "" : Objects.requireNonNullElse(variable.getValue(), ""));
    }

    private static int parse(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            return port >= 1 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
