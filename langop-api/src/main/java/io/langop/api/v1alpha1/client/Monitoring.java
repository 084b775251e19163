package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.langop.api.v1alpha1.Patterns;
import java.util.Map;

/** Monitoring of a client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Monitoring {

    @Default("true")
    @JsonPropertyDescription("Expose metrics.")
    private Boolean enabled;

    @Default("true")
    @JsonPropertyDescription("Prometheus format.")
    private Boolean prometheus;

    @Default("/metrics")
    @Pattern(Patterns.ABSOLUTE_PATH)
    @JsonPropertyDescription("Metrics path.")
    private String metricsPath;

    @Default("false")
    @JsonPropertyDescription("Create a ServiceMonitor.")
    private Boolean serviceMonitor;

    @JsonPropertyDescription("Extra ServiceMonitor labels.")
    private Map<String, String> additionalLabels;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getPrometheus() {
        return prometheus;
    }

    public void setPrometheus(Boolean prometheus) {
        this.prometheus = prometheus;
    }

    public String getMetricsPath() {
        return metricsPath;
    }

    public void setMetricsPath(String metricsPath) {
        this.metricsPath = metricsPath;
    }

    public Boolean getServiceMonitor() {
        return serviceMonitor;
    }

    public void setServiceMonitor(Boolean serviceMonitor) {
        this.serviceMonitor = serviceMonitor;
    }

    public Map<String, String> getAdditionalLabels() {
        return additionalLabels;
    }

    public void setAdditionalLabels(Map<String, String> additionalLabels) {
        this.additionalLabels = additionalLabels;
    }
}
