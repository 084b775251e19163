package io.langop.operator.workload;

import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.langop.api.v1alpha1.UpdateStrategySpec;
import io.langop.api.v1alpha1.UpdateStrategyType;

/** The Deployment strategy of a spec's {@code updateStrategy}; none set leaves the API default. */
public final class UpdateStrategies {

    private UpdateStrategies() {}

    public static DeploymentStrategy of(UpdateStrategySpec update) {
        if (update == null) {
            return null;
        }
        if (update.getType() == UpdateStrategyType.RECREATE) {
            return new DeploymentStrategyBuilder().withType("Recreate").build();
        }
        var rolling = update.getRollingUpdate();
        return new DeploymentStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxSurge(rolling == null ? null : rolling.getMaxSurge())
                .withMaxUnavailable(rolling == null ? null : rolling.getMaxUnavailable())
                .endRollingUpdate()
                .build();
    }
}
