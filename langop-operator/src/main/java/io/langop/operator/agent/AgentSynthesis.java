package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.SynthesisStatus;
import io.langop.kit.check.CodeChecker;
import io.langop.operator.kube.Conditions;
import io.langop.operator.reach.ServiceLocator;
import io.langop.operator.synthesis.ChildJvmDryRun;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisJob;
import io.langop.operator.synthesis.SynthesisPrompt;
import io.langop.operator.synthesis.SynthesisService;
import io.langop.operator.synthesis.SynthesisService.AgentKey;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.operator.synthesis.SynthesisTarget;
import java.util.List;
import java.util.Optional;

/**
 * Decides, in each reconcile of an agent, which code it runs: the code already written from the
 * current inputs (no LLM call), a fresh synthesis once the background run finishes, or — while one runs,
 * fails or the LLM is away — the last good code. Agents with {@code spec.codeRef} are checked
 * ({@link BroughtCode}), not synthesized. The verdict goes into the status through {@link CodeStatus},
 * and each new step of it is told by an event.
 */
final class AgentSynthesis {

    private final SynthesisSettings settings;
    private final SynthesisPrompt prompt = SynthesisPrompt.bundled();
    private final SynthesisWakeUps wakeUps = new SynthesisWakeUps(this::forget, this::stop);
    private final BroughtCode broughtCode = new BroughtCode();
    /** Empty when synthesis is off. */
    private final Optional<SynthesisService> service;

    private final ServiceLocator services;

    /** @param services where the operator reaches the proxy of a {@code spec.synthesis.modelRef} */
    AgentSynthesis(SynthesisSettings settings, ServiceLocator services) {
        this.settings = settings;
        this.services = services;
        this.service = settings.enabled()
                ? Optional.of(SynthesisService.of(
                        settings,
                        new SynthesisJob(
                                settings, CodeChecker.forRuntimeClasspath(), ChildJvmDryRun.ofThisJvm(), prompt),
                        wakeUps::wakeUp))
                : Optional.empty();
    }

    /** The event sources synthesis needs: wake-ups (and deletions) and the ConfigMaps named by {@code codeRef}. */
    List<EventSource<?, LanguageAgent>> eventSources(EventSourceContext<LanguageAgent> context) {
        return List.of(wakeUps, CodeRefs.eventSource(context));
    }

    /**
     * Cancels the runs in flight when the operator stops. A stopped operator can no longer write what they
     * bring, and the operator that takes over writes every agent again from its inputs: a run left going would
     * spend on its repair rounds for nothing (the LLM call in flight when a process dies is the one call a
     * restart can cost).
     */
    private void stop() {
        service.ifPresent(SynthesisService::close);
    }

    /** Drops the agent's background run, its synthesis state and its checked code. */
    void forget(LanguageAgent agent) {
        AgentKey key = AgentKey.of(agent);
        broughtCode.forget(key);
        service.ifPresent(running -> running.forget(key));
    }

    /** Sets the synthesis conditions in {@code conditions} and {@code status.synthesis}, and posts their events. */
    CodeDecision reconcile(
            SynthesisInputs inputs, Context<LanguageAgent> context, LanguageAgentStatus status, Conditions conditions) {
        CodeDecision decision = decide(inputs, context, status, conditions);
        SynthesisEvents.post(context.getClient(), inputs.agent(), status.getConditions(), conditions.build());
        return decision;
    }

    private CodeDecision decide(
            SynthesisInputs inputs, Context<LanguageAgent> context, LanguageAgentStatus status, Conditions conditions) {
        LanguageAgent agent = inputs.agent();
        if (agent.getSpec().getCodeRef() != null) {
            return broughtCode.check(inputs, agent.getSpec().getCodeRef(), context, conditions);
        }
        if (!inputs.hasInstructions()) {
            return CodeDecision.keep(Optional.empty());
        }
        Optional<AgentSource> last = lastWritten(agent, context);
        CodeStatus code = new CodeStatus(agent, last, status, conditions);
        SynthesisFingerprint fingerprint = inputs.fingerprint(prompt.version());
        String inputHash = SynthesisFingerprint.sha256(fingerprint.annotations().toString());
        if (last.isPresent() && fingerprint.matches(last.get().annotations())) {
            return code.inPlace(last.get(), inputHash);
        }
        if (service.isEmpty()) {
            return code.waiting(
                    "SynthesisDisabled",
                    "no synthesis model configured (--synthesis-model); set spec.codeRef or configure synthesis");
        }
        Optional<String> awaited = inputs.awaitedCatalog();
        if (awaited.isPresent()) {
            return code.waiting("WaitingForToolCatalog", "waiting for the tools of " + awaited.get());
        }
        SynthesisStatus previous = status.getSynthesis();
        if (previous != null
                && inputHash.equals(previous.getInputHash())
                && previous.getLastErrors() != null
                && !previous.getLastErrors().isEmpty()) {
            // these very inputs were refused before (maybe before a restart): only a change of them is worth an LLM
            // call
            return code.refused(previous);
        }
        Optional<SynthesisTarget> target;
        try {
            target = inputs.target(context.getClient(), services);
        } catch (IllegalArgumentException unknownModel) {
            return code.waiting("SynthesisModelMissing", unknownModel.getMessage());
        }
        SynthesisService.Progress progress =
                service.get().request(AgentKey.of(agent), inputHash, inputs.request(target));
        return follow(progress, code, fingerprint, inputHash, target);
    }

    /** The code the agent's own ConfigMap holds (the code dependent's, not a {@code codeRef}'s), if any. */
    private static Optional<AgentSource> lastWritten(LanguageAgent agent, Context<LanguageAgent> context) {
        String codeName = AgentPodTemplate.codeConfigMapName(agent);
        return context.getSecondaryResourcesAsStream(ConfigMap.class)
                .filter(configMap -> codeName.equals(configMap.getMetadata().getName()))
                .findFirst()
                .flatMap(AgentSource::of);
    }

    private CodeDecision follow(
            SynthesisService.Progress progress,
            CodeStatus code,
            SynthesisFingerprint fingerprint,
            String inputHash,
            Optional<SynthesisTarget> target) {
        return switch (progress) {
            case SynthesisService.Running ignored -> {
                String model =
                        target.map(SynthesisTarget::model).or(settings::model).orElse("");
                yield code.waiting("Synthesizing", "writing the agent with " + model);
            }
            case SynthesisService.Deferred deferred -> {
                yield code.waiting(
                                "RateLimited",
                                "the namespace's synthesis budget is spent; next try in "
                                        + deferred.retryAfter().toSeconds() + "s")
                        .recheckAfter(deferred.retryAfter());
            }
            case SynthesisService.Unavailable unavailable -> {
                yield code.waiting(
                                "SynthesisUnavailable",
                                unavailable.message() + " (" + unavailable.failures()
                                        + " failure(s) in a row; next try in "
                                        + unavailable.retryAfter().toSeconds() + "s)")
                        .recheckAfter(unavailable.retryAfter());
            }
            case SynthesisService.Finished finished
            when finished.result().succeeded() -> {
                yield code.inPlace(AgentSource.synthesized(finished.result(), fingerprint), inputHash);
            }
            case SynthesisService.Finished finished -> {
                yield code.refused(finished.result(), inputHash);
            }
        };
    }
}
