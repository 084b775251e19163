package io.langop.operator.model;

import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.egress.EgressRules;
import java.util.List;
import java.util.Objects;

/**
 * What the proxy objects of a model are built from: the rendered file, the Secrets holding the API
 * keys of the model and its fallbacks, and the resolved egress rules.
 */
record ModelProxyPlan(String image, String configYaml, List<SecretKeyReference> apiKeys, EgressRules.Resolved egress) {

    static final String KEY = ModelProxyPlan.class.getName();

    static List<SecretKeyReference> apiKeysOf(LanguageModel model, List<LanguageModel> fallbacks) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(model), fallbacks.stream())
                .map(m -> m.getSpec().getApiKeySecretRef())
                .filter(Objects::nonNull)
                .toList();
    }
}
