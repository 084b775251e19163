package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.Set;
import java.util.function.Consumer;

/** Reconciles the resources whose usage figures changed on the {@link UsageBoard}. */
public final class UsageChanges<P extends HasMetadata> extends SimpleInboundEventSource<P> {

    private UsageChanges() {
        super("usage");
    }

    public static <P extends HasMetadata> UsageChanges<P> of(Consumer<Consumer<Set<ResourceID>>> subscribe) {
        UsageChanges<P> changes = new UsageChanges<>();
        subscribe.accept(ids -> ids.forEach(changes::propagateEvent));
        return changes;
    }
}
