package io.langop.local;

import static io.langop.local.manifest.ManifestFields.isLangop;
import static io.langop.local.manifest.ManifestFields.list;
import static io.langop.local.manifest.ManifestFields.text;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.langop.local.llm.LocalLlm;
import io.langop.local.mail.LocalMailbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Secrets {@code langop local} makes because nobody has to write them on a laptop: the API key of every
 * LanguageModel, from the LLM it found, and the mail login of every email tool, which the local mailbox accepts
 * whatever it is. Only Secrets the manifests refer to and do not bring are made; what a user brought is used as
 * it is. What the Secrets hold is never printed.
 */
final class LocalSecrets {

    /** A Secret to create, and what to tell about it (never its values). */
    record Made(Secret secret, String why) {}

    private LocalSecrets() {}

    /**
     * @param llm       the LLM found, whose key the models' Secrets get
     * @param localMail whether email tools use the local mailbox, which accepts any login
     */
    static List<Made> missing(List<HasMetadata> manifests, Optional<LocalLlm> llm, boolean localMail) {
        Set<String> brought = manifests.stream()
                .filter(Secret.class::isInstance)
                .map(LocalSecrets::key)
                .collect(Collectors.toSet());
        Map<String, Map<String, String>> data = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (HasMetadata object : manifests) {
            String namespace = object.getMetadata().getNamespace();
            Optional<String> keySecret = text(object, "spec", "apiKeySecretRef", "name");
            if (isLangop(object, "LanguageModel")
                    && keySecret.isPresent()
                    && llm.flatMap(LocalLlm::apiKey).isPresent()
                    && !brought.contains(namespace + "/" + keySecret.get())) {
                String key = namespace + "/" + keySecret.get();
                data.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .put(
                                text(object, "spec", "apiKeySecretRef", "key").orElse("api-key"),
                                llm.get().apiKey().orElseThrow());
                why.put(key, "the API key from " + llm.get().source());
            }
            if (localMail && isEmailTool(object)) {
                for (Object variable : list(object, "spec", "env")) {
                    if (variable instanceof Map<?, ?> env
                            && env.get("valueFrom") instanceof Map<?, ?> from
                            && from.get("secretKeyRef") instanceof Map<?, ?> ref
                            && ref.get("name") instanceof String name
                            && ref.get("key") instanceof String secretKey
                            && !brought.contains(namespace + "/" + name)) {
                        String key = namespace + "/" + name;
                        data.computeIfAbsent(key, k -> new LinkedHashMap<>())
                                .putIfAbsent(secretKey, LocalMailbox.LOGIN);
                        why.putIfAbsent(key, "a login for the local mailbox, which takes any");
                    }
                }
            }
        }
        return data.entrySet().stream()
                .map(entry -> new Made(secret(entry.getKey(), entry.getValue()), why.get(entry.getKey())))
                .toList();
    }

    static boolean isEmailTool(HasMetadata object) {
        return isLangop(object, "LanguageTool")
                && text(object, "spec", "image")
                        .filter(ImageCatalog::isEmailTool)
                        .isPresent();
    }

    private static Secret secret(String key, Map<String, String> data) {
        String[] name = key.split("/", 2);
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(name[0])
                .withName(name[1])
                .addToLabels("app.kubernetes.io/managed-by", "langop-local")
                .endMetadata()
                .withStringData(data)
                .build();
    }

    private static String key(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
