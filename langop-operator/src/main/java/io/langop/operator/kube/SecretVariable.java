package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.langop.api.v1alpha1.SecretKeyReference;
import java.util.Objects;

/** A container's variable that carries a credential as a reference to its Secret: the value never passes the operator. */
public final class SecretVariable {

    private SecretVariable() {}

    public static EnvVar of(String name, SecretKeyReference secret) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret.getName())
                .withKey(Objects.requireNonNullElse(secret.getKey(), SecretKeyReference.DEFAULT_KEY))
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }
}
