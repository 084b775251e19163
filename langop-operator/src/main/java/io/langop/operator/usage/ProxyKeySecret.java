package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * A Secret holding keys the operator generates for their owner: a proxy key (see {@link ProxyKeys}), an agent's
 * webhook secrets. When keys are given to a new incarnation of the owner, the update carries the new owner reference
 * too: the framework's update keeps the stored owner references, and keys whose only owner is the deleted incarnation
 * would be taken by the garbage collector (and new keys made under the running pods' feet).
 */
public abstract class ProxyKeySecret<P extends HasMetadata> extends CRUDKubernetesDependentResource<Secret, P> {

    protected ProxyKeySecret() {
        super(Secret.class);
    }

    @Override
    public Secret update(Secret actual, Secret desired, P owner, Context<P> context) {
        Secret owned = new SecretBuilder(actual)
                .editMetadata()
                .withOwnerReferences(desired.getMetadata().getOwnerReferences())
                .endMetadata()
                .build();
        return super.update(owned, desired, owner, context);
    }
}
