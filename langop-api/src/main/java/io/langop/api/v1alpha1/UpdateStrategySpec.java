package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Deployment update strategy of a component. */
@ValidationRule(
        value = "self.type == 'RollingUpdate' || !has(self.rollingUpdate)",
        message = "rollingUpdate is only allowed with type RollingUpdate")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpdateStrategySpec {

    @Default("RollingUpdate")
    @JsonPropertyDescription("How pods are replaced.")
    private UpdateStrategyType type;

    @JsonPropertyDescription("Parameters of RollingUpdate.")
    private RollingUpdateSpec rollingUpdate;

    public UpdateStrategyType getType() {
        return type;
    }

    public void setType(UpdateStrategyType type) {
        this.type = type;
    }

    public RollingUpdateSpec getRollingUpdate() {
        return rollingUpdate;
    }

    public void setRollingUpdate(RollingUpdateSpec rollingUpdate) {
        this.rollingUpdate = rollingUpdate;
    }
}
