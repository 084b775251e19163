package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Telemetry switches of a component the operator runs; subclasses add how it logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class Observability {

    @Default("true")
    @JsonPropertyDescription("Expose Prometheus metrics.")
    private Boolean metrics;

    @Default("false")
    @JsonPropertyDescription("Emit traces.")
    private Boolean tracing;

    public Boolean getMetrics() {
        return metrics;
    }

    public void setMetrics(Boolean metrics) {
        this.metrics = metrics;
    }

    public Boolean getTracing() {
        return tracing;
    }

    public void setTracing(Boolean tracing) {
        this.tracing = tracing;
    }
}
