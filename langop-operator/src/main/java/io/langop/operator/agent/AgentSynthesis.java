package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.SynthesisSpec;
import io.langop.api.v1alpha1.agent.SynthesisStatus;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.operator.egress.HostResolver;
import io.langop.operator.kube.Conditions;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisJob;
import io.langop.operator.synthesis.SynthesisPrompt;
import io.langop.operator.synthesis.SynthesisRateLimit;
import io.langop.operator.synthesis.SynthesisRequest;
import io.langop.operator.synthesis.SynthesisResult;
import io.langop.operator.synthesis.SynthesisService;
import io.langop.operator.synthesis.SynthesisService.AgentKey;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.operator.synthesis.SynthesisTarget;
import io.langop.operator.synthesis.ToolDescriptor;
import io.langop.operator.synthesis.ToolSource;
import io.langop.operator.tool.ToolEndpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, in each reconcile of an agent, which code it runs: the code already written from the
 * current inputs (no LLM call), a fresh synthesis once the background run finishes, or — while one runs,
 * fails or the LLM is away — the last good code. Agents with {@code spec.codeRef} are checked, not
 * synthesized. Sets the {@code Synthesized}, {@code Validated} and {@code CodeUpdated} conditions and
 * {@code status.synthesis}.
 */
final class AgentSynthesis {

    static final String SYNTHESIZED = "Synthesized";
    static final String VALIDATED = "Validated";
    static final String CODE_UPDATED = "CodeUpdated";
    /** Status stays readable, and far below the object size limit, whatever the compiler says. */
    private static final int MAX_ERRORS = 10;

    private static final int MAX_ERROR_LENGTH = 400;

    /**
     * The code to run, when to look again without an event (an LLM backoff, a rate limit), and why the agent
     * cannot run at all, if it cannot (its brought code is missing or refused).
     */
    record Outcome(
            Optional<AgentSource> code,
            String codeHash,
            Optional<Duration> recheckAfter,
            Optional<CannotRun> cannotRun) {
        static Outcome keep(Optional<AgentSource> code) {
            return new Outcome(code, code.map(AgentSource::hash).orElse(null), Optional.empty(), Optional.empty());
        }

        Outcome recheckAfter(Duration wait) {
            return new Outcome(code, codeHash, Optional.of(wait), cannotRun);
        }
    }

    /** Why no pod of the agent can run its code: the reason and message of its Ready condition. */
    record CannotRun(AgentPhase phase, String reason, String message) {}

    private final SynthesisSettings settings;
    private final SynthesisPrompt prompt = SynthesisPrompt.bundled();
    private final WakeUps wakeUps = new WakeUps();
    private final SynthesisService service;
    /** The last brought code checked per agent: re-checked only when it changes, dropped with the agent. */
    private final Map<AgentKey, CheckedCode> checkedCodeRefs = new ConcurrentHashMap<>();

    private CodeChecker checker;

    private record CheckedCode(String hash, List<String> errors) {}

    /**
     * Reconciles an agent when its background synthesis ends, and forgets what is known about an agent
     * when it is deleted (the framework tells every {@link ResourceEventAware} source; no finalizer needed).
     */
    private final class WakeUps extends SimpleInboundEventSource<LanguageAgent>
            implements ResourceEventAware<LanguageAgent> {
        WakeUps() {
            super("synthesis");
        }

        @Override
        public void onResourceDeleted(LanguageAgent agent) {
            forget(agent);
        }
    }

    /** @param resolver resolves tool Services, whose servers are asked for their {@code tools/list} */
    AgentSynthesis(SynthesisSettings settings, HostResolver resolver) {
        this.settings = settings;
        this.service = settings.enabled()
                ? new SynthesisService(
                        new SynthesisJob(settings, CodeChecker.forRuntimeClasspath(), prompt, resolver),
                        new SynthesisRateLimit(
                                settings.namespaceBurst(), settings.namespaceRefill(), Clock.systemUTC()),
                        settings.concurrentRuns(),
                        agent -> wakeUps.propagateEvent(new ResourceID(agent.name(), agent.namespace())),
                        Clock.systemUTC(),
                        settings.firstRetry())
                : null;
    }

    /** The event sources synthesis needs: wake-ups (and deletions) and the ConfigMaps named by {@code codeRef}. */
    List<EventSource<?, LanguageAgent>> eventSources(EventSourceContext<LanguageAgent> context) {
        return List.of(wakeUps, CodeRefs.eventSource(context));
    }

    /** Drops the agent's background run, its synthesis state and its checked code. */
    void forget(LanguageAgent agent) {
        AgentKey key = keyOf(agent);
        checkedCodeRefs.remove(key);
        if (service != null) {
            service.forget(key);
        }
    }

    private static AgentKey keyOf(LanguageAgent agent) {
        return new AgentKey(
                agent.getMetadata().getNamespace(), agent.getMetadata().getName());
    }

    Outcome reconcile(
            LanguageAgent agent,
            List<LanguageModel> models,
            List<LanguageTool> tools,
            LanguagePersona persona,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions) {
        Outcome outcome = decide(agent, models, tools, persona, context, status, conditions);
        SynthesisEvents.post(context.getClient(), agent, status.getConditions(), conditions.build());
        return outcome;
    }

    private Outcome decide(
            LanguageAgent agent,
            List<LanguageModel> models,
            List<LanguageTool> tools,
            LanguagePersona persona,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions) {
        var spec = agent.getSpec();
        if (spec.getCodeRef() != null) {
            return checkCodeRef(agent, spec.getCodeRef(), context, conditions);
        }
        if (spec.getInstructions() == null || spec.getInstructions().isBlank()) {
            return Outcome.keep(Optional.empty());
        }
        String codeName = AgentPodTemplate.codeConfigMapName(agent);
        // two ConfigMap sources (the code dependent and codeRef): pick the agent's own by name
        Optional<AgentSource> last = context.getSecondaryResourcesAsStream(ConfigMap.class)
                .filter(configMap -> codeName.equals(configMap.getMetadata().getName()))
                .findFirst()
                .flatMap(AgentSource::of);
        SynthesisFingerprint fingerprint = new SynthesisFingerprint(
                spec.getInstructions(),
                tools.stream()
                        .map(tool -> tool.getMetadata().getName() + " " + Serialization.asJson(tool.getSpec()))
                        .toList(),
                models.stream().map(model -> model.getMetadata().getName()).toList(),
                persona == null ? "" : Serialization.asJson(persona.getSpec()),
                prompt.version());
        String inputHash = SynthesisFingerprint.sha256(fingerprint.annotations().toString());
        if (last.isPresent() && fingerprint.matches(last.get().annotations())) {
            return codeInPlace(agent, last.get(), inputHash, status, conditions);
        }
        if (service == null) {
            return waiting(
                    agent,
                    last,
                    "SynthesisDisabled",
                    "no synthesis model configured (--synthesis-model); set spec.codeRef or configure synthesis",
                    conditions);
        }
        SynthesisStatus previous = status.getSynthesis();
        if (previous != null
                && inputHash.equals(previous.getInputHash())
                && previous.getLastErrors() != null
                && !previous.getLastErrors().isEmpty()) {
            // these very inputs were rejected before (maybe before a restart): only a change of them is worth an LLM
            // call
            return rejected(agent, last, previous, conditions);
        }
        AgentKey key = keyOf(agent);
        Optional<SynthesisTarget> target;
        try {
            target = target(agent, models, context);
        } catch (IllegalArgumentException unknownModel) {
            return waiting(agent, last, "SynthesisModelMissing", unknownModel.getMessage(), conditions);
        }
        SynthesisRequest request = new SynthesisRequest(
                key.name(),
                key.namespace(),
                spec.getInstructions(),
                List.of(),
                models.stream().map(model -> model.getMetadata().getName()).toList(),
                "",
                Optional.ofNullable(spec.getSchedule()),
                target,
                Optional.ofNullable(persona)
                        .map(p -> new SynthesisRequest.PersonaSource(
                                p.getMetadata().getName(), Serialization.asJson(p.getSpec()))),
                tools.stream().map(AgentSynthesis::toolSource).toList(),
                Optional.ofNullable(spec.getSynthesis()).map(SynthesisSpec::getMaxRepairAttempts));
        String model = target.map(SynthesisTarget::model).or(settings::model).orElse("");
        return switch (service.request(key, inputHash, request)) {
            case SynthesisService.Running ignored -> {
                yield waiting(agent, last, "Synthesizing", "writing the agent with " + model, conditions);
            }
            case SynthesisService.Deferred deferred -> {
                yield waiting(
                                agent,
                                last,
                                "RateLimited",
                                "the namespace's synthesis budget is spent; next try in "
                                        + deferred.retryAfter().toSeconds() + "s",
                                conditions)
                        .recheckAfter(deferred.retryAfter());
            }
            case SynthesisService.Unavailable unavailable -> {
                yield waiting(
                                agent,
                                last,
                                "SynthesisUnavailable",
                                unavailable.message() + " (" + unavailable.failures()
                                        + " failure(s) in a row; next try in "
                                        + unavailable.retryAfter().toSeconds() + "s)",
                                conditions)
                        .recheckAfter(unavailable.retryAfter());
            }
            case SynthesisService.Finished finished
            when finished.result().succeeded() -> {
                yield codeInPlace(
                        agent, AgentSource.synthesized(finished.result(), fingerprint), inputHash, status, conditions);
            }
            case SynthesisService.Finished finished -> {
                SynthesisStatus failed = synthesisStatus(
                        finished.result(), last.map(AgentSource::hash).orElse(null), inputHash);
                failed.setLastErrors(bounded(finished.result().errors()));
                status.setSynthesis(failed);
                yield rejected(agent, last, failed, conditions);
            }
        };
    }

    /**
     * No new code (yet): the last good code, if any, keeps running. All three conditions are always set,
     * in the same order, so the status keeps its shape from one state to the next.
     */
    private static Outcome waiting(
            LanguageAgent agent, Optional<AgentSource> last, String reason, String message, Conditions conditions) {
        conditions.set(SYNTHESIZED, false, reason, message);
        if (last.isPresent()) {
            conditions.set(VALIDATED, true, "Validated", "the running code passed the checks");
            conditions.set(
                    CODE_UPDATED,
                    false,
                    reason,
                    "ConfigMap " + AgentPodTemplate.codeConfigMapName(agent) + " keeps the previous code "
                            + last.get().hash().substring(0, 12));
        } else {
            conditions.set(VALIDATED, false, "NoCode", "no code written yet");
            conditions.set(CODE_UPDATED, false, reason, "no code written yet");
        }
        return Outcome.keep(last);
    }

    private static Outcome rejected(
            LanguageAgent agent, Optional<AgentSource> last, SynthesisStatus failed, Conditions conditions) {
        String kept = last.isPresent() ? "; the previous code keeps running" : "";
        conditions.set(
                SYNTHESIZED,
                false,
                "SynthesisFailed",
                "no valid code after " + failed.getAttempts() + " attempt(s)" + kept);
        conditions.set(VALIDATED, false, "ValidationFailed", summary(failed.getLastErrors(), "the last answer"));
        conditions.set(
                CODE_UPDATED,
                false,
                last.isPresent() ? "PreviousCodeKept" : "NoValidCode",
                "ConfigMap " + AgentPodTemplate.codeConfigMapName(agent) + kept);
        return Outcome.keep(last);
    }

    /**
     * The status is rebuilt from the ConfigMap, the one record of what the running code is: a status
     * written from a stale cache, lost, or from before a restart is put right by the next reconcile.
     */
    private static Outcome codeInPlace(
            LanguageAgent agent,
            AgentSource code,
            String inputHash,
            LanguageAgentStatus status,
            Conditions conditions) {
        SynthesisStatus synthesis = code.synthesisStatus();
        synthesis.setInputHash(inputHash);
        status.setSynthesis(synthesis);
        conditions.set(
                SYNTHESIZED, true, "Synthesized", "written from the current instructions, tools, models and persona");
        conditions.set(VALIDATED, true, "Validated", "compiles against the SDK and passes the safety policy");
        conditions.set(
                CODE_UPDATED,
                true,
                "CodeUpdated",
                "ConfigMap " + AgentPodTemplate.codeConfigMapName(agent) + " holds code "
                        + code.hash().substring(0, 12));
        return Outcome.keep(Optional.of(code));
    }

    /**
     * Bring-your-own code is not synthesized, but it must pass the same checks as synthesized code. The
     * ConfigMap comes from the informer of referenced ConfigMaps (no request per reconcile), and an edit of
     * it reconciles the agent, whose new code hash rolls the workload.
     */
    private Outcome checkCodeRef(
            LanguageAgent agent, CodeReference ref, Context<LanguageAgent> context, Conditions conditions) {
        String key = Objects.requireNonNullElse(ref.getKey(), AgentPodTemplate.CODE_FILE);
        Optional<ConfigMap> configMap = CodeRefs.referenced(context);
        String source =
                configMap.map(ConfigMap::getData).map(data -> data.get(key)).orElse(null);
        if (source == null) {
            String missing = configMap.isEmpty()
                    ? missingConfigMap(ref.getName(), agent.getMetadata().getNamespace(), key)
                    : "ConfigMap " + ref.getName() + " has no key " + key + "; put the agent's code under that key,"
                            + " or set spec.codeRef.key to the key that holds it";
            conditions.set(VALIDATED, false, "CodeNotFound", missing);
            // the pod would wait for its code volume forever: not Ready, until the informer sees the code arrive
            return new Outcome(
                    Optional.empty(),
                    null,
                    Optional.empty(),
                    Optional.of(new CannotRun(AgentPhase.PENDING, "CodeNotFound", missing)));
        }
        String hash = SynthesisFingerprint.sha256(source);
        CheckedCode checked = checkedCodeRefs.get(keyOf(agent));
        if (checked == null || !checked.hash().equals(hash)) {
            CheckResult check = checker().check(source);
            checked = new CheckedCode(
                    hash,
                    bounded(check.diagnostics().stream()
                            .map(diagnostic -> diagnostic.format(AgentPodTemplate.CODE_FILE))
                            .toList()));
            checkedCodeRefs.put(keyOf(agent), checked);
        }
        if (checked.errors().isEmpty()) {
            conditions.set(
                    VALIDATED, true, "Validated", "spec.codeRef compiles against the SDK and passes the safety policy");
            return new Outcome(Optional.empty(), hash, Optional.empty(), Optional.empty());
        }
        String refused = summary(checked.errors(), "ConfigMap " + ref.getName());
        conditions.set(VALIDATED, false, "ValidationFailed", refused);
        // the runtime refuses the same code: a pod would only fail
        return new Outcome(
                Optional.empty(),
                hash,
                Optional.empty(),
                Optional.of(new CannotRun(AgentPhase.FAILED, "ValidationFailed", refused)));
    }

    private static String missingConfigMap(String name, String namespace, String key) {
        String from = key.equals(AgentPodTemplate.CODE_FILE) ? key : key + "=" + AgentPodTemplate.CODE_FILE;
        return "ConfigMap " + name + " not found in namespace " + namespace + "; create it with the agent's code"
                + " under key " + key + ", e.g. kubectl -n " + namespace + " create configmap " + name
                + " --from-file=" + from;
    }

    /**
     * A condition (and event) message a person can read: how many problems and the first one in full
     * (bounded). The bounded list of a synthesis is in {@code status.synthesis.lastErrors}; for brought
     * code, {@code langop validate} prints every problem.
     */
    private static String summary(List<String> errors, String where) {
        if (errors.isEmpty()) {
            return where + " was refused";
        }
        String first = errors.getFirst();
        return errors.size() == 1
                ? where + " has 1 problem: " + first
                : where + " has " + errors.size() + " problems, the first: " + first;
    }

    /** {@code spec.synthesis.modelRef}: that LanguageModel's proxy writes the agent. */
    private static Optional<SynthesisTarget> target(
            LanguageAgent agent, List<LanguageModel> models, Context<LanguageAgent> context) {
        String ref = agent.getSpec().getSynthesis() == null
                ? null
                : agent.getSpec().getSynthesis().getModelRef();
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String namespace = agent.getMetadata().getNamespace();
        LanguageModel model = models.stream()
                .filter(m -> m.getMetadata().getName().equals(ref))
                .findFirst()
                .orElseGet(() -> context.getClient()
                        .resources(LanguageModel.class)
                        .inNamespace(namespace)
                        .withName(ref)
                        .get());
        if (model == null) {
            throw new IllegalArgumentException(
                    "spec.synthesis.modelRef: LanguageModel " + namespace + "/" + ref + " not found");
        }
        return Optional.of(SynthesisTarget.modelProxy(model));
    }

    /**
     * A tool as the prompt describes it when its server does not answer, and where the operator can ask
     * the server: the Service of a service-mode tool (a sidecar lives only inside the agent's pod).
     */
    private static ToolSource toolSource(LanguageTool tool) {
        ToolDescriptor fromSpec = new ToolDescriptor(
                tool.getMetadata().getName(),
                "MCP tool server " + tool.getMetadata().getName(),
                "");
        return new ToolSource(
                fromSpec,
                ToolEndpoint.isSidecar(tool) ? Optional.empty() : Optional.of(URI.create(ToolEndpoint.url(tool))));
    }

    private static SynthesisStatus synthesisStatus(SynthesisResult result, String codeHash, String inputHash) {
        SynthesisStatus synthesis = new SynthesisStatus();
        synthesis.setModel(result.model());
        synthesis.setDurationMillis(result.duration().toMillis());
        synthesis.setAttempts(result.attempts());
        synthesis.setPromptTokens(result.promptTokens());
        synthesis.setCompletionTokens(result.completionTokens());
        synthesis.setCodeHash(codeHash);
        synthesis.setInputHash(inputHash);
        synthesis.setTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return synthesis;
    }

    private static List<String> bounded(List<String> errors) {
        return errors.stream()
                .limit(MAX_ERRORS)
                .map(error -> error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "…" : error)
                .toList();
    }

    /**
     * The checker of brought code, loaded once and only when such code is to be checked. It is not the
     * background syntheses' checker: a checker compiles one source at a time, and a reconcile must not wait
     * behind twenty synthesized agents.
     */
    private synchronized CodeChecker checker() {
        if (checker == null) {
            checker = CodeChecker.forRuntimeClasspath();
        }
        return checker;
    }
}
