package io.langop.operator.trace;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.langop.api.v1alpha1.Observability;
import io.langop.wire.TelemetryEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The standard {@code OTEL_*} variables of a container whose resource asks for traces ({@code spec.observability}
 * with {@code tracing: true} and an {@code otlpEndpoint}); none otherwise, so that nothing of OpenTelemetry's SDK
 * starts in the pod.
 */
public final class PodTelemetry {

    private PodTelemetry() {}

    /** Who starts traces: an agent starts one per run; a proxy or a tool only continues its callers'. */
    public enum Role {
        ORIGIN(TelemetryEnv.SAMPLER_PARENT_BASED_ALWAYS_ON),
        CONTINUES(TelemetryEnv.SAMPLER_PARENT_BASED_ALWAYS_OFF);

        private final String sampler;

        Role(String sampler) {
            this.sampler = sampler;
        }
    }

    /**
     * @param service the {@code service.name} of the container's spans (the agent's, the model's, the tool's name)
     * @param resource further resource attributes ({@code k8s.namespace.name}, ...), in order
     */
    public static List<EnvVar> env(
            Observability observability, Role role, String service, Map<String, String> resource) {
        if (observability == null || !observability.exportsTraces()) {
            return List.of();
        }
        List<EnvVar> env = new ArrayList<>();
        env.add(variable(TelemetryEnv.OTLP_ENDPOINT, observability.getOtlpEndpoint()));
        env.add(variable(TelemetryEnv.OTLP_PROTOCOL, TelemetryEnv.HTTP_PROTOBUF));
        env.add(variable(TelemetryEnv.SERVICE_NAME, service));
        env.add(variable(TelemetryEnv.TRACES_SAMPLER, role.sampler));
        if (!resource.isEmpty()) {
            env.add(variable(TelemetryEnv.RESOURCE_ATTRIBUTES, attributes(resource)));
        }
        return List.copyOf(env);
    }

    /**
     * The variables of a container that ends before Prometheus would scrape it (a scheduled agent's Job): it pushes
     * its meters over OTLP to {@code otlpEndpoint} as it exits, whether or not it traces; none when there is no
     * endpoint or {@code metrics: false}.
     */
    public static List<EnvVar> metricsPush(Observability observability, String service, Map<String, String> resource) {
        if (observability == null
                || observability.getOtlpEndpoint() == null
                || observability.getOtlpEndpoint().isBlank()
                || Boolean.FALSE.equals(observability.getMetrics())) {
            return List.of();
        }
        String endpoint = observability.getOtlpEndpoint().strip().replaceAll("/+$", "");
        List<EnvVar> env = new ArrayList<>();
        env.add(variable(TelemetryEnv.OTLP_METRICS_ENDPOINT, endpoint + TelemetryEnv.OTLP_METRICS_PATH));
        env.add(variable(TelemetryEnv.SERVICE_NAME, service));
        if (!resource.isEmpty()) {
            env.add(variable(TelemetryEnv.RESOURCE_ATTRIBUTES, attributes(resource)));
        }
        return List.copyOf(env);
    }

    private static String attributes(Map<String, String> resource) {
        return resource.entrySet().stream()
                .map(attribute -> attribute.getKey() + "=" + attribute.getValue())
                .collect(Collectors.joining(","));
    }

    private static EnvVar variable(String name, String value) {
        return new EnvVar(name, value, null);
    }
}
