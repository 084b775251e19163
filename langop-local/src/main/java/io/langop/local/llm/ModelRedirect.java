package io.langop.local.llm;

import static io.langop.local.manifest.ManifestFields.has;
import static io.langop.local.manifest.ManifestFields.isLangop;
import static io.langop.local.manifest.ManifestFields.list;
import static io.langop.local.manifest.ManifestFields.text;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.langop.local.manifest.ManifestFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Points every LanguageModel that could not answer on this machine at the LLM {@code langop local} found, so an
 * example written for a cloud API runs with whatever LLM you have. A model is left as it is when its endpoint
 * answers, when it is a Service of the cluster, when it balances over endpoints of its own, or when it uses a
 * provider's public API with a key Secret that comes with the manifests; a model of OpenAI's API keeps its model
 * name when the LLM found is OpenAI's. Everything else gets the found LLM's endpoint and model. Only those fields
 * change; the rest of the object stays as written.
 */
public final class ModelRedirect {

    /** The Secret a redirected model without a key reference gets, when the found LLM has a key. */
    static final String KEY_SECRET = "langop-local-llm";

    private static final String OPENAI = "openai";
    private static final String OPENAI_COMPATIBLE = "openai-compatible";

    private final LocalLlm llm;
    private final EndpointProbe probe;

    public ModelRedirect(LocalLlm llm, EndpointProbe probe) {
        this.llm = llm;
        this.probe = probe;
    }

    /**
     * Rewrites the LanguageModels among {@code manifests} in place.
     *
     * @return one line per model that now uses the found LLM, saying why
     */
    public List<String> apply(List<HasMetadata> manifests) throws InterruptedException {
        Set<String> secrets = manifests.stream()
                .filter(Secret.class::isInstance)
                .map(ModelRedirect::key)
                .collect(Collectors.toSet());
        List<String> told = new ArrayList<>();
        for (HasMetadata object : manifests) {
            if (!isLangop(object, "LanguageModel") || !has(object, "spec")) {
                continue;
            }
            GenericKubernetesResource model = (GenericKubernetesResource) object;
            Optional<String> reason = reasonToRedirect(model, secrets);
            if (reason.isPresent()) {
                redirect(model);
                told.add("LanguageModel " + key(model) + " uses " + llm.model() + " at " + llm.baseUrl() + ": "
                        + reason.get());
            } else if (usesOpenAiAsFound(model)
                    && !text(model, "spec", "endpoint").isPresent()
                    && !llm.baseUrl().equals(LlmDiscovery.OPENAI_URL)) {
                ManifestFields.spec(model).put("endpoint", llm.baseUrl());
            }
        }
        return told;
    }

    private Optional<String> reasonToRedirect(GenericKubernetesResource model, Set<String> secrets)
            throws InterruptedException {
        if (!list(model, "spec", "loadBalancing", "endpoints").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> endpoint = text(model, "spec", "endpoint");
        if (endpoint.isPresent()) {
            if (inCluster(endpoint.get()) || probe.answers(endpoint.get())) {
                return Optional.empty();
            }
            return Optional.of("its endpoint " + endpoint.get() + " does not answer");
        }
        if (usesOpenAiAsFound(model)) {
            return Optional.empty();
        }
        Optional<String> keySecret = text(model, "spec", "apiKeySecretRef", "name");
        if (keySecret.isPresent() && secrets.contains(model.getMetadata().getNamespace() + "/" + keySecret.get())) {
            return Optional.empty();
        }
        return Optional.of(text(model, "spec", "provider").orElse("its provider")
                + "'s API needs an API key and no Secret with one came with the manifests");
    }

    /** OpenAI's API found, and a model written for it: only the key is missing, and langop local has it. */
    private boolean usesOpenAiAsFound(GenericKubernetesResource model) {
        return llm.openAi()
                && text(model, "spec", "provider").filter(OPENAI::equals).isPresent();
    }

    private void redirect(GenericKubernetesResource model) {
        boolean keepsItsModel = usesOpenAiAsFound(model);
        Map<String, Object> spec = ManifestFields.spec(model);
        if (!keepsItsModel) {
            spec.put("provider", OPENAI_COMPATIBLE);
            spec.put("modelName", llm.model());
        }
        spec.put("endpoint", llm.baseUrl());
        if (llm.apiKey().isEmpty()) {
            spec.remove("apiKeySecretRef");
        } else if (!has(model, "spec", "apiKeySecretRef", "name")) {
            spec.put("apiKeySecretRef", Map.of("name", KEY_SECRET, "key", "api-key"));
        }
    }

    /** A Service name ({@code http://svc.ns.svc.cluster.local:8080}, {@code http://svc}): the pod runner routes it. */
    private static boolean inCluster(String endpoint) {
        String host;
        try {
            host = URI.create(endpoint).getHost();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return host != null
                && (host.endsWith(".svc")
                        || host.endsWith(".svc.cluster.local")
                        || (!host.contains(".") && !host.equals("localhost")));
    }

    private static String key(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
