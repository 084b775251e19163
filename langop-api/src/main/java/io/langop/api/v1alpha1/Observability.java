package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Telemetry switches of a component the operator runs; subclasses add how it logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class Observability {

    @Default("true")
    @JsonPropertyDescription(
            "false stops a scheduled agent pushing its metrics to otlpEndpoint; /metrics is served regardless (an"
                    + " agent's where it has a port, the model proxy's always, where false is refused).")
    private Boolean metrics;

    @Default("false")
    @JsonPropertyDescription(
            "Emit OpenTelemetry traces to otlpEndpoint. The operator sets the standard OTEL_* variables in the pod.")
    private Boolean tracing;

    @Pattern("^https?://.+")
    @JsonPropertyDescription(
            "OTLP/HTTP (protobuf) endpoint, e.g. http://otel-collector.monitoring:4318: traces are sent there while"
                    + " tracing is on, and a scheduled agent pushes its metrics there as each run ends (unless metrics is"
                    + " false).")
    private String otlpEndpoint;

    public Boolean getMetrics() {
        return metrics;
    }

    public void setMetrics(Boolean metrics) {
        this.metrics = metrics;
    }

    public String getOtlpEndpoint() {
        return otlpEndpoint;
    }

    public void setOtlpEndpoint(String otlpEndpoint) {
        this.otlpEndpoint = otlpEndpoint;
    }

    /** Whether the component exports traces: tracing is on and there is an endpoint to send them to. */
    @JsonIgnore
    public boolean exportsTraces() {
        return Boolean.TRUE.equals(tracing) && otlpEndpoint != null && !otlpEndpoint.isBlank();
    }

    public Boolean getTracing() {
        return tracing;
    }

    public void setTracing(Boolean tracing) {
        this.tracing = tracing;
    }
}
