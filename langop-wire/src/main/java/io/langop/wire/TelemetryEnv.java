package io.langop.wire;

/**
 * OpenTelemetry's standard environment variables, as far as langop sets or reads them: the operator writes them
 * into the pods it runs, and every process's telemetry start reads them (docs/observability.md).
 */
public final class TelemetryEnv {

    /** The OTLP/HTTP endpoint, e.g. {@code http://otel-collector.monitoring:4318}; unset, nothing is exported. */
    public static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /** The endpoint of traces alone (a full URL, {@code .../v1/traces}). */
    public static final String OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    /** The endpoint of pushed metrics alone (a full URL, {@code .../v1/metrics}). */
    public static final String OTLP_METRICS_ENDPOINT = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    /** The path OTLP/HTTP takes metrics at, after the base endpoint. */
    public static final String OTLP_METRICS_PATH = "/v1/metrics";
    /** {@code none} switches the metrics push off. */
    public static final String METRICS_EXPORTER = "OTEL_METRICS_EXPORTER";
    /** {@code key=value,...}: the headers of every OTLP request (an authenticating collector's). */
    public static final String OTLP_HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
    /** {@code http/protobuf}, the one protocol langop's processes send. */
    public static final String OTLP_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static final String HTTP_PROTOBUF = "http/protobuf";

    public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";
    /** {@code key=value,...} describing the process: namespace, agent, model. */
    public static final String RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";
    /** {@code parentbased_always_on} (agents, operator), {@code parentbased_always_off} (proxy, tools). */
    public static final String TRACES_SAMPLER = "OTEL_TRACES_SAMPLER";

    public static final String SAMPLER_PARENT_BASED_ALWAYS_ON = "parentbased_always_on";
    /** Continues the traces of callers that trace and starts none: proxies and tools. */
    public static final String SAMPLER_PARENT_BASED_ALWAYS_OFF = "parentbased_always_off";

    public static final String SDK_DISABLED = "OTEL_SDK_DISABLED";
    public static final String TRACES_EXPORTER = "OTEL_TRACES_EXPORTER";

    private TelemetryEnv() {}
}
