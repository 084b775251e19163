package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;

/** Parameters of a rolling update. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollingUpdateSpec {

    @JsonPropertyDescription("Pods (number or percentage) that may be unavailable during the update.")
    private IntOrString maxUnavailable;

    @JsonPropertyDescription("Pods (number or percentage) created above the desired count during the update.")
    private IntOrString maxSurge;

    public IntOrString getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(IntOrString maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }

    public IntOrString getMaxSurge() {
        return maxSurge;
    }

    public void setMaxSurge(IntOrString maxSurge) {
        this.maxSurge = maxSurge;
    }
}
