package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.langop.operator.kube.Owners;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The keys the operator hands out for its model proxies: 256 random bits each, held in a Secret the key's owner
 * owns. A key belongs to one incarnation of its owner: a Secret whose controller is another UID (the owner was
 * deleted and created again under the same name before the garbage collector took the old Secret) is given a new
 * key, so a recreated agent never inherits its predecessor's identity at the proxy.
 */
public final class ProxyKeys {

    /** The Secret's data key holding the key. */
    public static final String DATA_KEY = "key";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;

    private ProxyKeys() {}

    /** A new key: {@code lk-} and 43 URL-safe characters. */
    static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return "lk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key {@code existing} holds for this incarnation of {@code owner}, else none. */
    static Optional<String> keyOf(Secret existing, HasMetadata owner) {
        if (existing == null
                || existing.getData() == null
                || existing.getMetadata().getOwnerReferences() == null
                || existing.getMetadata().getOwnerReferences().stream()
                        .noneMatch(
                                ref -> ref.getUid().equals(owner.getMetadata().getUid()))) {
            return Optional.empty();
        }
        String encoded = existing.getData().get(DATA_KEY);
        if (encoded == null) {
            return Optional.empty();
        }
        String key = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        return key.isBlank() ? Optional.empty() : Optional.of(key);
    }

    /** The key {@code existing} holds for {@code owner}, or a new one. */
    static String keyFor(Secret existing, HasMetadata owner) {
        return keyOf(existing, owner).orElseGet(ProxyKeys::generate);
    }

    /**
     * Secret {@code name} holding {@code key} (as {@code data}, which is what the API server gives back, so that an
     * unchanged key matches what is stored and is never written again).
     */
    static Secret secret(HasMetadata owner, String name, Map<String, String> labels, String key) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(owner))
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(DATA_KEY, Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))))
                .build();
    }
}
