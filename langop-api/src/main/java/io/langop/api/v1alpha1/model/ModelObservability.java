package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Observability;

/** Metrics, tracing and logging of the model proxy. */
@ValidationRule(
        value = "self.metrics",
        message = "metrics: false is not supported yet: the model proxy always serves /metrics")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelObservability extends Observability {

    @JsonPropertyDescription("Logging.")
    private ModelLogging logging;

    public ModelLogging getLogging() {
        return logging;
    }

    public void setLogging(ModelLogging logging) {
        this.logging = logging;
    }
}
