package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * A Secret holding a proxy key of its owner (see {@link ProxyKeys}). When a key is given to a new incarnation of the
 * owner, the update carries the new owner reference too: the framework's update keeps the stored owner references,
 * and a key whose only owner is the deleted incarnation would be taken by the garbage collector (and a new key made
 * under the running pods' feet).
 */
abstract class ProxyKeySecret<P extends HasMetadata> extends CRUDKubernetesDependentResource<Secret, P> {

    ProxyKeySecret() {
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
