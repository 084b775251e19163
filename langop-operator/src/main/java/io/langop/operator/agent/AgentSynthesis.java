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
import io.langop.operator.synthesis.ProxyKeyLookup;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisJob;
import io.langop.operator.synthesis.SynthesisPrompt;
import io.langop.operator.synthesis.SynthesisRequest;
import io.langop.operator.synthesis.SynthesisService;
import io.langop.operator.synthesis.SynthesisService.AgentKey;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.operator.synthesis.SynthesisTarget;
import io.langop.operator.usage.UsageBoard;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Decides, in each reconcile of an agent, which code it runs: the code already written from the
 * current inputs (no LLM call), a fresh synthesis once the background run finishes, or — while one runs,
 * fails or the LLM is away — the last good code. New code whose first runs fail ({@link AgentRuns}: a scheduled
 * agent's Jobs, or the runs other agents report and their pods' restarts) is rolled back to the last code a run
 * succeeded with, and written once more with the failure in the prompt. Agents with
 * {@code spec.codeRef} are checked
 * ({@link BroughtCode}), not synthesized. The verdict goes into the status through {@link CodeStatus},
 * and each new step of it is told by an event.
 */
final class AgentSynthesis {

    /** New code whose first runs all fail, this many, is replaced by the last good code. */
    static final int FAILED_RUNS_BEFORE_ROLLBACK = 2;

    private final SynthesisSettings settings;
    private final SynthesisPrompt prompt = SynthesisPrompt.bundled();
    private final SynthesisWakeUps wakeUps = new SynthesisWakeUps(this::forget, this::stop);
    private final BroughtCode broughtCode = new BroughtCode();
    /** Empty when synthesis is off. */
    private final Optional<SynthesisService> service;

    private final ServiceLocator services;
    private final UsageBoard usage;

    /**
     * @param services  where the operator reaches the proxy of a {@code spec.synthesis.modelRef}
     * @param usage     the model proxies' reports, with the runs agents without Jobs reported per code version
     * @param proxyKeys the operator's key at each model proxy, which that proxy asks of every caller
     * @param meters where syntheses are counted and timed
     */
    AgentSynthesis(
            SynthesisSettings settings,
            ServiceLocator services,
            UsageBoard usage,
            ProxyKeyLookup proxyKeys,
            MeterRegistry meters) {
        this.settings = settings;
        this.services = services;
        this.usage = usage;
        this.service = settings.enabled()
                ? Optional.of(SynthesisService.of(
                        settings,
                        new SynthesisJob(
                                settings,
                                CodeChecker.forRuntimeClasspath(),
                                ChildJvmDryRun.ofThisJvm(),
                                prompt,
                                proxyKeys,
                                meters),
                        wakeUps::wakeUp))
                : Optional.empty();
    }

    /**
     * The event sources synthesis needs: wake-ups (and deletions), the ConfigMaps named by {@code codeRef}, and what
     * decides rollbacks: the runs (Jobs) of scheduled agents and the pods of the others (reported runs wake the
     * agent through the usage board's source).
     */
    List<EventSource<?, LanguageAgent>> eventSources(EventSourceContext<LanguageAgent> context) {
        return List.of(
                wakeUps, CodeRefs.eventSource(context), JobRuns.eventSource(context), ServedRuns.eventSource(context));
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
        SynthesisFingerprint fingerprint = inputs.fingerprint(prompt.version());
        String inputHash = SynthesisFingerprint.sha256(fingerprint.annotations().toString());
        Optional<AgentSource> written = lastWritten(agent, context);
        AgentRuns runs = AgentRuns.of(agent, context, usage);
        Optional<AgentSource> good = keepGoodCode(agent, context, written, runs);
        // new code whose first runs failed gives way to the good code here, which then runs while new code is
        // written with the failure (in this same reconcile: the operator's own write of the ConfigMap wakes none)
        Optional<AgentSource> last = written.flatMap(
                        running -> good.flatMap(goodCode -> rollBack(running, goodCode, runs, inputHash)))
                .or(() -> written);
        CodeStatus code = new CodeStatus(agent, last, status, conditions);
        if (last.isPresent() && fingerprint.matches(last.get().annotations())) {
            return code.inPlace(last.get(), inputHash);
        }
        if (last.isPresent() && last.get().keptAfterFailedRewriteFor(inputHash)) {
            return code.rewriteSpent(last.get(), inputHash);
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
        // after a rollback, new code is written once with the failure in the prompt: another request than the
        // inputs alone, whose (failed) code the service still holds
        Optional<AgentSource> rewriting = last.filter(running -> running.awaitsRewriteFor(inputHash));
        String requestKey = rewriting
                .map(restored ->
                        inputHash + "/after-" + restored.rolledBackFrom().orElseThrow())
                .orElse(inputHash);
        SynthesisStatus previous = status.getSynthesis();
        if (previous != null
                && requestKey.equals(previous.getInputHash())
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
        SynthesisRequest request = rewriting
                .map(restored -> inputs.request(target).afterRunFailure(restored.runFailure()))
                .orElseGet(() -> inputs.request(target));
        SynthesisService.Progress progress = service.get().request(AgentKey.of(agent), requestKey, request);
        return follow(progress, code, fingerprint, inputHash, requestKey, target, rewriting);
    }

    /**
     * The last good code: the code that runs now once a run of it succeeded, else what {@code <agent>-good-code}
     * holds. Handed to {@link AgentGoodCode} through the workflow context, so that ConfigMap keeps it.
     */
    private static Optional<AgentSource> keepGoodCode(
            LanguageAgent agent, Context<LanguageAgent> context, Optional<AgentSource> last, AgentRuns runs) {
        Optional<AgentSource> good =
                last.filter(running -> runs.succeeded(running.hash())).or(() -> AgentGoodCode.current(agent, context));
        good.ifPresent(
                code -> context.managedWorkflowAndDependentResourceContext().put(AgentGoodCode.KEY, code));
        return good;
    }

    /**
     * The good code to put back when the running code (new, neither put back nor the good code itself) failed its
     * first {@value #FAILED_RUNS_BEFORE_ROLLBACK} runs, annotated with how; empty when it should keep running.
     */
    private static Optional<AgentSource> rollBack(
            AgentSource running, AgentSource good, AgentRuns runs, String inputHash) {
        if (running.rolledBackFrom().isPresent() || running.hash().equals(good.hash())) {
            return Optional.empty();
        }
        return runs.firstRunsFailed(running.hash(), FAILED_RUNS_BEFORE_ROLLBACK)
                .map(failure -> good.restoredAfter(running, failure, inputHash));
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
            String requestKey,
            Optional<SynthesisTarget> target,
            Optional<AgentSource> rewriting) {
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
                AgentSource written = AgentSource.synthesized(finished.result(), fingerprint);
                yield code.inPlace(
                        rewriting
                                .map(restored -> written.rewriteOf(
                                        restored.rolledBackFrom().orElseThrow(), restored.runFailure()))
                                .orElse(written),
                        inputHash);
            }
            case SynthesisService.Finished finished -> {
                yield code.refused(finished.result(), requestKey);
            }
        };
    }
}
