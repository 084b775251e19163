package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesResourceMatcher;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.util.Map;

/**
 * A ConfigMap of code whose annotations say what the code is: the fingerprint of its inputs, its dry run, and a
 * rollback's record (which code failed, how, whether new code is still to be written). They are written exactly as
 * desired. JOSDK's update merges the annotations of the stored object into the desired ones, and its matcher takes
 * desired annotations that are a subset of the stored ones for a match: the code written after a rollback kept the
 * annotations of the code put back, so it read as rolled back itself (condition {@code RolledBack=True}) and could
 * never be rolled back when its own first runs failed.
 */
abstract class CodeConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, LanguageAgent> {

    @Override
    public Matcher.Result<ConfigMap> match(
            ConfigMap actual, ConfigMap desired, LanguageAgent agent, Context<LanguageAgent> context) {
        return GenericKubernetesResourceMatcher.match(desired, actual, true, false, context);
    }

    @Override
    public ConfigMap update(ConfigMap actual, ConfigMap desired, LanguageAgent agent, Context<LanguageAgent> context) {
        // the cached object is not ours to change: the update starts from a copy without annotations
        ConfigMap withoutAnnotations = new ConfigMapBuilder(actual)
                .editMetadata()
                .withAnnotations(Map.of())
                .endMetadata()
                .build();
        return super.update(withoutAnnotations, desired, agent, context);
    }
}
