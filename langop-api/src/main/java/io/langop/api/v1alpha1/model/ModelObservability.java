package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Metrics, tracing and logging of the model proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelObservability {

  @Default("true")
  @JsonPropertyDescription("Expose Prometheus metrics.")
  private Boolean metrics;

  @Default("false")
  @JsonPropertyDescription("Emit traces.")
  private Boolean tracing;

  @JsonPropertyDescription("Logging.")
  private ModelLogging logging;

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

  public ModelLogging getLogging() {
    return logging;
  }

  public void setLogging(ModelLogging logging) {
    this.logging = logging;
  }
}
