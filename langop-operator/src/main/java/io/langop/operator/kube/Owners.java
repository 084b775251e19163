package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Collection;
import java.util.Optional;

/** Owner references that make the garbage collector delete what the operator created with its owner. */
public final class Owners {

    private Owners() {}

    /**
     * The object called {@code name} that {@code owner} owns, among {@code candidates}: a dependent finds its
     * object this way where it shares an informer with others, or where a user's object may bear the same name.
     */
    public static <R extends HasMetadata> Optional<R> ownedNamed(
            Collection<R> candidates, String name, HasMetadata owner) {
        return candidates.stream()
                .filter(candidate -> name.equals(candidate.getMetadata().getName()))
                .filter(candidate -> candidate.hasOwnerReferenceFor(owner))
                .findFirst();
    }

    /** The controlling owner reference: deleting the owner deletes the object, in the foreground too. */
    public static OwnerReference controller(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
