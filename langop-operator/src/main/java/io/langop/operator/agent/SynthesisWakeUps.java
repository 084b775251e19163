package io.langop.operator.agent;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.synthesis.SynthesisService.AgentKey;
import java.util.function.Consumer;

/**
 * Reconciles an agent when its background synthesis ends, and tells when an agent is deleted (the
 * framework tells every {@link ResourceEventAware} source; no finalizer needed), so what is known about
 * it can be forgotten, and when the operator stops, so that the syntheses still running stop with it.
 */
final class SynthesisWakeUps extends SimpleInboundEventSource<LanguageAgent>
        implements ResourceEventAware<LanguageAgent> {

    private final Consumer<LanguageAgent> onDeleted;
    private final Runnable onStopped;

    /** @param onStopped runs when the operator stops, after this source stopped delivering wake-ups */
    SynthesisWakeUps(Consumer<LanguageAgent> onDeleted, Runnable onStopped) {
        super("synthesis");
        this.onDeleted = onDeleted;
        this.onStopped = onStopped;
    }

    void wakeUp(AgentKey agent) {
        propagateEvent(new ResourceID(agent.name(), agent.namespace()));
    }

    @Override
    public void onResourceDeleted(LanguageAgent agent) {
        onDeleted.accept(agent);
    }

    @Override
    public void stop() {
        super.stop();
        onStopped.run();
    }
}
