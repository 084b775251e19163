package io.langop.operator.model;

import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.ProxySharedState;
import io.langop.operator.egress.EgressRules;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the proxy objects of a model are built from: the rendered file, the Secret keys the proxy reads (the API keys
 * of the model and its fallbacks, the connection string of the Redis its replicas share), and the resolved egress
 * rules.
 */
record ModelProxyPlan(
        String image, String configYaml, List<SecretKeyReference> secretKeys, EgressRules.Resolved egress) {

    static final String KEY = ModelProxyPlan.class.getName();

    static List<SecretKeyReference> secretKeysOf(LanguageModel model, List<LanguageModel> fallbacks) {
        Stream<SecretKeyReference> apiKeys = Stream.concat(Stream.of(model), fallbacks.stream())
                .map(m -> m.getSpec().getApiKeySecretRef());
        Stream<SecretKeyReference> redis =
                Stream.ofNullable(model.getSpec().getSharedState()).map(ProxySharedState::getConnectionSecretRef);
        return Stream.concat(apiKeys, redis).filter(Objects::nonNull).toList();
    }
}
