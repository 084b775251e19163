package io.langop.operator.synthesis;

import java.util.Optional;

/** The operator's key at the proxy of a LanguageModel, once the model was reconciled. */
@FunctionalInterface
public interface ProxyKeyLookup {

    Optional<String> keyOf(String namespace, String model);

    ProxyKeyLookup NONE = (namespace, model) -> Optional.empty();
}
