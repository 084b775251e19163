package io.langop.operator.synthesis;

import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.reach.ServiceLocator;
import java.util.Objects;

/**
 * The LLM that writes one agent: the operator's default, or the proxy of the LanguageModel named in
 * {@code spec.synthesis.modelRef}.
 *
 * @param baseUrl   OpenAI-compatible base URL including {@code /v1}
 * @param model     model name sent in each request
 * @param external  true for the operator's configured endpoint (gets the API key); an in-cluster model
 *                  proxy holds its own upstream keys and never sees the operator's, it gets the operator's key at
 *                  that proxy instead ({@link ProxyKeyLookup})
 * @param namespace the LanguageModel's namespace; null for the external endpoint
 */
public record SynthesisTarget(String baseUrl, String model, boolean external, String namespace) {

    public SynthesisTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
    }

    /** The operator's configured endpoint. */
    public SynthesisTarget(String baseUrl, String model, boolean external) {
        this(baseUrl, model, external, null);
    }

    /**
     * The proxy of a LanguageModel, which routes by the model's name, reached where the operator reaches
     * Services (cluster DNS, the API server's service proxy, or {@code langop local}'s loopback ports).
     */
    public static SynthesisTarget modelProxy(LanguageModel model, ServiceLocator services) {
        String baseUrl = services.url(
                        model.getMetadata().getNamespace(),
                        ModelEndpoint.name(model),
                        ModelEndpoint.PORT,
                        ModelEndpoint.API_PATH)
                .toString();
        return new SynthesisTarget(
                baseUrl,
                model.getMetadata().getName(),
                false,
                model.getMetadata().getNamespace());
    }
}
